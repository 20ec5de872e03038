import { describe, expect, it } from "vitest";
import {
  buildAssistant,
  Conversation,
  dialog,
  type EndSpec,
  effectOf,
  effectsOf,
  keywordIntents,
  landing,
  messages,
  texts,
} from "../../test/builders.ts";

function deflection(options: Partial<EndSpec> = {}) {
  return buildAssistant({
    intents: [{ intent: "cancel_order", dialogId: "cancel" }],
    dialogs: [
      dialog("main", [], {
        id: "articles",
        kind: "article_deflection",
        knowledgeBaseId: "kb-help",
        prompt: "Tell me your question and I'll look for articles.",
        maxArticles: 2,
        redirects: { helped: "helped", notHelped: "agent", noArticles: "none" },
        ...options,
      } as EndSpec),
      landing("helped"),
      landing("agent"),
      landing("none"),
      landing("cancel"),
    ],
  });
}

const article = (id: string) => ({ id, title: `Article ${id}`, url: `https://help.example.com/${id}` });

function searching(options: Partial<EndSpec> = {}) {
  const conversation = new Conversation(deflection(options));
  conversation.start();
  const effects = conversation.say("How do I change my address?");
  return { conversation, effects };
}

function found(conversation: Conversation, articles: ReturnType<typeof article>[]) {
  return conversation.send({
    type: "articles.found",
    requestId: conversation.requestId("articles.search"),
    articles,
  });
}

describe("article deflection", () => {
  it("asks for the question and searches the knowledge base with it", () => {
    const conversation = new Conversation(deflection());
    expect(texts(conversation.start())).toEqual(["Tell me your question and I'll look for articles."]);
    const effects = conversation.say("How do I change my address?");
    expect(effectOf(effects, "articles.search")).toMatchObject({
      knowledgeBaseId: "kb-help",
      query: "How do I change my address?",
      language: "en",
      limit: 2,
    });
  });

  it("follows a mapped intent before searching", () => {
    const conversation = new Conversation(deflection({ understandIntents: true }), {
      detectIntent: keywordIntents({ cancel: "cancel_order" }).detectIntent,
    });
    conversation.start();
    const effects = conversation.say("cancel my order");
    expect(effectsOf(effects, "articles.search")).toEqual([]);
    expect(texts(effects)).toEqual(["in cancel"]);
  });

  it("searches when no mapped intent is found", () => {
    const conversation = new Conversation(deflection({ understandIntents: true }), {
      detectIntent: keywordIntents({ cancel: "cancel_order" }).detectIntent,
    });
    conversation.start();
    expect(effectsOf(conversation.say("change address"), "articles.search")).toHaveLength(1);
  });

  it("redirects when no article is found", () => {
    const { conversation } = searching();
    expect(texts(found(conversation, []))).toEqual(["in none"]);
  });

  it("shares at most the configured number of articles and asks whether they helped", () => {
    const { conversation } = searching();
    const effects = found(conversation, [article("a"), article("b"), article("c")]);
    expect(messages(effects)).toEqual([
      {
        kind: "articles",
        text: "These articles might help:",
        articles: [article("a"), article("b")],
        options: [
          { id: "helped", label: "That helped" },
          { id: "not_helped", label: "I still need help" },
        ],
      },
    ]);
  });

  it("redirects per the answer and records it", () => {
    const helped = searching().conversation;
    found(helped, [article("a")]);
    const yes = helped.choose("helped");
    expect(effectOf(yes, "feedback.record")).toEqual({
      type: "feedback.record",
      interactionId: "articles",
      outcome: "positive",
    });
    expect(texts(yes)).toEqual(["in helped"]);

    const notHelped = searching().conversation;
    found(notHelped, [article("a")]);
    const no = notHelped.say("I still need help");
    expect(effectOf(no, "feedback.record").outcome).toBe("negative");
    expect(texts(no)).toEqual(["in agent"]);
  });

  it("asks again when the reply is neither", () => {
    const { conversation } = searching();
    found(conversation, [article("a")]);
    expect(texts(conversation.say("what?"))).toEqual(["Please choose one of the options."]);
  });

  it("ignores results of another search and messages while searching", () => {
    const { conversation } = searching();
    expect(conversation.send({ type: "articles.found", requestId: "old", articles: [] })).toEqual([]);
    expect(conversation.say("anyone?")).toEqual([]);
    expect(texts(found(conversation, []))).toEqual(["in none"]);
  });

  it("hands over when the search fails", () => {
    const { conversation } = searching();
    conversation.send({
      type: "effect.failed",
      requestId: conversation.requestId("articles.search"),
      error: "down",
    });
    expect(conversation.status).toBe("transferred");
  });

  it("shows the same articles again when the reminder fires while the customer reads them", () => {
    const { conversation } = searching();
    const shown = messages(found(conversation, [article("a1"), article("a2")]));
    const repeated = messages(conversation.fire("reminder"));
    expect(repeated[0]).toEqual({ kind: "text", text: "Are you still there?" });
    expect(repeated[1]).toEqual(shown[0]);
  });
});
