import { createAssistantFromTemplate } from "@parley/model";
import { describe, expect, it } from "vitest";
import { ConversationContext } from "../src/conversation/context-file.ts";
import { ConversationHarness } from "../src/conversation/harness.ts";
import { ContextKnowledgeBase } from "../src/conversation/knowledge-base.ts";

const { articles, answers } = ConversationContext.parse({
  articles: [
    {
      id: "returns",
      title: "What is your return policy?",
      url: "https://help.example.com/returns",
      body: "You can return most items within 30 days of delivery for a refund.\n\nReturn shipping is free for orders in the U.S.",
    },
    {
      id: "devoluciones",
      title: "¿Cuál es la política de devoluciones?",
      url: "https://help.example.com/es/devoluciones",
      body: "Puedes devolver la mayoría de los artículos en un plazo de 30 días desde la entrega.",
      language: "es",
    },
    {
      id: "contact",
      title: "Contact us",
      url: "https://help.example.com/contact",
      body: "Write to support@example.com at any time.",
      keywords: ["helpdesk"],
    },
  ],
  answers: [
    {
      match: ["refund", "damaged"],
      text: "Scripted: damaged items are refunded in full.",
      citations: [{ title: "Damaged items", url: "https://help.example.com/damaged" }],
    },
  ],
});

describe("the conversation's knowledge base", () => {
  const knowledgeBase = new ContextKnowledgeBase({ articles, answers });

  it("searches the articles of the conversation's language, and those that have no language", () => {
    expect(knowledgeBase.searchArticles("how many days do I have to return an item?", "en", 3)).toEqual([
      {
        id: "returns",
        title: "What is your return policy?",
        url: "https://help.example.com/returns",
        snippet: "You can return most items within 30 days of delivery for a refund.",
      },
    ]);
    const spanish = knowledgeBase.searchArticles(
      "¿cuántos días tengo para devolver un artículo?",
      "es-MX",
      3,
    );
    expect(spanish.map((article) => article.id)).toEqual(["devoluciones"]);
    expect(knowledgeBase.searchArticles("what is the capital of Peru?", "en", 3)).toEqual([]);
  });

  it("finds an article by its keywords, and shows its own title", () => {
    expect(knowledgeBase.searchArticles("helpdesk", "en", 3)).toMatchObject([
      { id: "contact", title: "Contact us" },
    ]);
  });

  it("gives a scripted answer when its words match, else quotes the articles with their citation", async () => {
    expect(await knowledgeBase.answer("Can I get a refund for a damaged lamp?", "en")).toEqual({
      found: true,
      text: "Scripted: damaged items are refunded in full.",
      citations: [{ title: "Damaged items", url: "https://help.example.com/damaged" }],
    });
    const quoted = await knowledgeBase.answer("Is return shipping free?", "en");
    expect(quoted.found).toBe(true);
    expect(quoted.text).toContain("Return shipping is free for orders in the U.S.");
    expect(quoted.citations).toEqual([
      { title: "What is your return policy?", url: "https://help.example.com/returns" },
    ]);
  });

  it("refuses in the customer's language when no article answers", async () => {
    expect(await knowledgeBase.answer("What is the meaning of life?", "en")).toEqual({
      found: false,
      text: "I couldn't find that in our help center.",
      citations: [],
    });
    const spanish = await knowledgeBase.answer("¿Cuál es el sentido de la vida?", "es");
    expect(spanish.found).toBe(false);
    expect(spanish.text).toBe("No encontré esa información en nuestro centro de ayuda.");
  });

  it("answers in a respond-with-ai conversation from the articles of its language", async () => {
    const assistant = createAssistantFromTemplate("respond-with-ai", { language: "es" });
    const context = ConversationContext.parse({ now: "2026-03-02T10:00:00Z", language: "es", articles });
    const harness = new ConversationHarness({ assistant, context });
    await harness.start();
    const entries = await harness.send({
      type: "customer.text",
      text: "¿En cuántos días puedo devolver algo?",
    });
    const answer = entries.flatMap((entry) =>
      entry.kind === "effect" &&
      entry.effect.type === "message.send" &&
      entry.effect.message.kind === "answer"
        ? [entry.effect.message.answer]
        : [],
    )[0];
    expect(answer?.found).toBe(true);
    expect(answer?.text).toContain("Puedes devolver la mayoría de los artículos");
    expect(answer?.citations).toEqual([
      { title: "¿Cuál es la política de devoluciones?", url: "https://help.example.com/es/devoluciones" },
    ]);
  });
});
