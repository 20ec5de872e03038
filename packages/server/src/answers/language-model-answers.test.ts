import {
  type OpenAITestServer,
  type ReceivedRequest,
  startOpenAITestServer,
} from "@parley/knowledge/test-support/openai-test-server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import type { WebChatClient } from "../../test/web-chat-client.ts";
import { eventually } from "../conversations/test-setup.ts";
import { aiAnswers, conversationActivity, conversations } from "../database/schema/index.ts";
import { createArticle, createBrand, createKnowledgeBase } from "../knowledge/knowledge-test-support.ts";
import { ask, previewChat, publishAssistant, respondWithAiAssistant } from "./answer-test-support.ts";

const apiKey = "sk-parley-test-0123456789abcdefWXYZ";
const model = "parley-test-model";
/** Words of the fixed rules, which come first in every system message. */
const fixedRule = "using only the numbered help-center passages";
const friendly = "Sign off every answer with: Happy shopping!";
const formal = "Address the customer formally, without contractions.";

const published = [
  {
    title: "How do I return an item?",
    body: "You can return most items within **30 days** of delivery.\n\nTo start a return, open Orders in your account, choose the item and select Return.",
  },
  {
    title: "Shipping times",
    body: "Standard shipping takes 3 to 5 business days. Express shipping takes 1 to 2 business days and costs $12.",
  },
];
/** Text about the same questions that must never reach the model. */
const hidden = [
  {
    title: "Returns for gold members (draft)",
    body: "Gold members can return items within 90 days. Draft marker DRAFT-RETURNS-7731.",
    status: "draft",
  },
  {
    title: "Return overrides for agents",
    body: "Agents can accept returns up to 120 days. Internal marker INTERNAL-RETURNS-5512.",
    visibility: "internal",
    status: "published",
  },
];

function messagesOf(request: ReceivedRequest | undefined): { system: string; user: string } {
  const messages = request?.body?.messages ?? [];
  const text = (role: string) =>
    messages
      .filter((message) => message.role === role)
      .map((message) =>
        typeof message.content === "string" ? message.content : JSON.stringify(message.content),
      )
      .join("\n");
  return { system: text("system"), user: text("user") };
}

describe.each(testDatabases)("answers written by a language model on %s", (kind) => {
  let server: TestServer;
  const logs: string[] = [];
  let organization: TestOrganization;
  let knowledgeBaseId: string;
  let baseUrl: string;
  let openai: OpenAITestServer;
  const profiles: Record<"friendly" | "formal", string> = { friendly: "", formal: "" };

  beforeAll(async () => {
    server = await createTestServer(kind, { logs });
    organization = await server.organization("Store");
    const brandId = await createBrand(server, organization.adminKey, "Store");
    knowledgeBaseId = (
      await createKnowledgeBase(server, organization.adminKey, {
        brandId,
        name: "Help center",
        publicUrl: "https://help.store.example",
      })
    ).id;
    for (const article of published) {
      await createArticle(server, organization.adminKey, knowledgeBaseId, {
        ...article,
        status: "published",
      });
    }
    for (const article of hidden)
      await createArticle(server, organization.adminKey, knowledgeBaseId, article);
    for (const [name, instructions] of [
      ["friendly", friendly],
      ["formal", formal],
    ] as const) {
      const created = await server.request(organization.adminKey, {
        method: "POST",
        url: "/v1/ai/profiles",
        payload: { name, instructions },
      });
      expect(created.statusCode, created.body).toBe(201);
      profiles[name] = created.json().id;
    }
    openai = await startOpenAITestServer();
    const saved = await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/ai/settings",
      payload: {
        provider: "openai-compatible",
        baseUrl: openai.baseUrl,
        model,
        apiKey,
        timeoutMs: 10_000,
        defaultProfileId: profiles.formal,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    baseUrl = await server.listen();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await openai?.close();
  });

  async function chat(choice: Parameters<typeof respondWithAiAssistant>[1] = {}): Promise<WebChatClient> {
    const definition = respondWithAiAssistant(knowledgeBaseId, choice);
    await publishAssistant(server, organization.id, definition);
    return previewChat(server, organization.adminKey, baseUrl, definition.id);
  }

  const isAnswer = (message: { author: string; body: { kind: string } }) =>
    message.author === "assistant" && message.body.kind === "answer";

  it("answers with the model's text and the articles it cites, sending it the rules, the profile, the published passages and the question", {
    timeout: 30_000,
  }, async () => {
    openai.reply({
      kind: "answer",
      text: "You can return most items within 30 days of delivery [1]. Happy shopping!",
    });
    const before = openai.requests.length;
    const client = await chat({ interactionProfileId: profiles.friendly });
    const reply = await ask(client, "how many days do I have to return something?", isAnswer);
    const answer = reply.body.answer as { text: string; citations: unknown[]; answerId: string };
    expect(answer.text).toBe("You can return most items within 30 days of delivery. Happy shopping!");
    expect(answer.citations).toEqual([
      {
        title: "How do I return an item?",
        url: expect.stringMatching(/^https:\/\/help\.store\.example\/articles\//),
      },
    ]);

    expect(openai.requests.length).toBe(before + 1);
    const request = openai.requests.at(-1);
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request?.body?.model).toBe(model);
    const { system, user } = messagesOf(request);
    expect(system.indexOf(fixedRule)).toBeGreaterThanOrEqual(0);
    expect(system.indexOf(friendly)).toBeGreaterThan(system.indexOf(fixedRule));
    // The interaction's profile, not the organization's default.
    expect(system).not.toContain(formal);
    expect(user).toContain("30 days");
    expect(user).toContain("how many days do I have to return something?");
    for (const text of [system, user]) {
      expect(text).not.toMatch(/DRAFT-RETURNS-7731|INTERNAL-RETURNS-5512|90 days|120 days/);
      expect(text).not.toContain(apiKey);
    }

    const [stored] = await server.connection.database
      .select()
      .from(aiAnswers)
      .where(eq(aiAnswers.id, answer.answerId));
    expect(stored).toMatchObject({ found: true, provider: model, answer: answer.text });
  });

  it("streams the answer to the web chat as drafts, then sends the answer message", {
    timeout: 30_000,
  }, async () => {
    const text =
      "Standard shipping takes 3 to 5 business days, and express shipping takes 1 to 2 business days for $12 [1].";
    openai.reply({ kind: "answer", text, pauseBetweenChunksMs: 60 });
    const client = await chat();
    const reply = await ask(client, "how long does express shipping take?", isAnswer);
    expect(openai.requests.at(-1)?.body?.stream).toBe(true);
    const drafts = client.frames.flatMap((frame) => (frame.type === "draft" ? [frame.text] : []));
    expect(drafts.length).toBeGreaterThan(1);
    // Each draft holds the whole text so far, and none shows the citation marker.
    for (let index = 1; index < drafts.length; index += 1) {
      expect(drafts[index]?.startsWith(drafts[index - 1] ?? "")).toBe(true);
    }
    expect(drafts.join("\n")).not.toContain("[1]");
    const answerText = (reply.body.answer as { text: string }).text;
    expect(answerText.startsWith(drafts.at(-1) ?? "")).toBe(true);
    // The drafts came before the answer message.
    const answerFrame = client.frames.findIndex(
      (frame) => frame.type === "message" && frame.message.sequence === reply.sequence,
    );
    const lastDraft = client.frames.findLastIndex((frame) => frame.type === "draft");
    expect(lastDraft).toBeLessThan(answerFrame);
  });

  it("takes the assistant's profile when the AI response names none, else the organization's default", {
    timeout: 30_000,
  }, async () => {
    openai.reply({ kind: "answer", text: "Standard shipping takes 3 to 5 business days [1]." });
    for (const [choice, expected, not] of [
      [{ assistantProfileId: profiles.friendly }, friendly, formal],
      [{}, formal, friendly],
    ] as const) {
      const client = await chat(choice);
      await ask(client, "how long does standard shipping take?", isAnswer);
      const { system } = messagesOf(openai.requests.at(-1));
      expect(system).toContain(expected);
      expect(system).not.toContain(not);
    }
  });

  it("says it could not find an answer to an unrelated question without asking the model", {
    timeout: 30_000,
  }, async () => {
    const before = openai.requests.length;
    const client = await chat();
    const reply = await ask(
      client,
      "what is the capital of australia",
      (message) => message.author === "assistant" && message.body.kind === "text",
    );
    expect(String(reply.body.text)).toMatch(/couldn't find/i);
    expect(openai.requests.length).toBe(before);
  });

  it("hands the conversation over when the provider fails, recording the error without the key", {
    timeout: 30_000,
  }, async () => {
    openai.reply({
      kind: "error",
      status: 500,
      body: {
        error: {
          message: `The server had an error while processing your request (key ${apiKey}).`,
          type: "server_error",
          param: null,
          code: null,
        },
      },
    });
    const client = await chat();
    await ask(
      client,
      "how many days do I have to return something?",
      (message) => message.author === "system" && message.body.event === "transferred",
      25_000,
    );
    const { database } = server.connection;
    const [row] = await database
      .select()
      .from(conversations)
      .where(eq(conversations.id, client.conversationId));
    expect(row).toMatchObject({ status: "transferred", assistantStatus: "transferred" });
    // The failed effect takes the engine's error path (spec 12): a transfer whose reason is the error.
    const transferred = await eventually(async () => {
      const entries = await database
        .select()
        .from(conversationActivity)
        .where(eq(conversationActivity.conversationId, client.conversationId));
      return entries.find((entry) => entry.kind === "transferred");
    });
    const reason = String((transferred.data as { reason: string }).reason);
    expect(reason).toMatch(
      /^error: an effect failed: .*language model endpoint at 127\.0\.0\.1:\d+ answered HTTP 500/,
    );
    expect(reason).toContain("[redacted]");
    const recorded = await database
      .select()
      .from(conversationActivity)
      .where(eq(conversationActivity.conversationId, client.conversationId));
    for (const entry of recorded) {
      expect(JSON.stringify(entry.data)).not.toContain(apiKey);
      expect(JSON.stringify(entry.data)).not.toContain(apiKey.slice(-12));
    }
    const said = [...client.messages.values()].map((message) => JSON.stringify(message.body)).join("\n");
    expect(said).not.toContain(apiKey);
  });

  it("hands over when the AI response names a profile that does not exist", { timeout: 30_000 }, async () => {
    openai.reply({ kind: "answer", text: "You can return most items within 30 days of delivery [1]." });
    const missing = "6f1c2b1e-0000-4000-8000-000000000000";
    const client = await chat({ interactionProfileId: missing });
    await ask(
      client,
      "how many days do I have to return something?",
      (message) => message.author === "system" && message.body.event === "transferred",
    );
    const entries = await server.connection.database
      .select()
      .from(conversationActivity)
      .where(eq(conversationActivity.conversationId, client.conversationId));
    const transferred = entries.find((entry) => entry.kind === "transferred");
    expect(JSON.stringify(transferred?.data)).toContain(`the AI profile ${missing} does not exist`);
  });

  it("answers extractively the moment the settings say so, keeping the key for later", {
    timeout: 30_000,
  }, async () => {
    const saved = await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/ai/settings",
      payload: { provider: "extractive", baseUrl: openai.baseUrl, model },
    });
    expect(saved.json()).toMatchObject({ provider: "extractive", apiKeySet: true });
    const before = openai.requests.length;
    const client = await chat();
    const reply = await ask(client, "how many days do I have to return something?", isAnswer);
    const answerId = (reply.body.answer as { answerId: string }).answerId;
    const [stored] = await server.connection.database
      .select()
      .from(aiAnswers)
      .where(eq(aiAnswers.id, answerId));
    expect(stored?.provider).toBe("extractive");
    expect(openai.requests.length).toBe(before);
  });

  it("never writes the key to the server's log", () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join("\n")).not.toContain(apiKey);
  });
});
