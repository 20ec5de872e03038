import {
  type OpenAITestServer,
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
import { conversationActivity } from "../database/schema/index.ts";
import { createArticle, createBrand, createKnowledgeBase } from "../knowledge/knowledge-test-support.ts";
import { publicAddress, testDns } from "../outgoing/test-dns.ts";
import { ask, previewChat, publishAssistant, respondWithAiAssistant } from "./answer-test-support.ts";

const model = "parley-test-model";

/**
 * A language model on loopback, which a production server reaches only when its operator allows
 * the host: here `models.internal` is allowed, and nothing else that is not public.
 */
describe.each(testDatabases)("a language model endpoint that is not public on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let knowledgeBaseId: string;
  let baseUrl: string;
  let openai: OpenAITestServer;
  let port: string;
  const dns = new Map<string, string[]>();

  beforeAll(async () => {
    openai = await startOpenAITestServer();
    port = new URL(openai.baseUrl).port;
    dns.set("localhost", ["127.0.0.1"]);
    dns.set("models.internal", ["127.0.0.1"]);
    dns.set("rebinding.example", [publicAddress]);
    server = await createTestServer(kind, {
      outgoing: { allowedHosts: ["models.internal"], resolveHost: testDns(dns) },
    });
    organization = await server.organization("Store");
    const brandId = await createBrand(server, organization.adminKey, "Store");
    knowledgeBaseId = (
      await createKnowledgeBase(server, organization.adminKey, { brandId, name: "Help center" })
    ).id;
    await createArticle(server, organization.adminKey, knowledgeBaseId, {
      title: "How do I return an item?",
      body: "You can return most items within **30 days** of delivery.",
      status: "published",
    });
    baseUrl = await server.listen();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await openai?.close();
  });

  function saveBaseUrl(url: string) {
    return server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/ai/settings",
      payload: { provider: "openai-compatible", baseUrl: url, model, timeoutMs: 10_000 },
    });
  }

  async function chat(): Promise<WebChatClient> {
    const definition = respondWithAiAssistant(knowledgeBaseId);
    await publishAssistant(server, organization.id, definition);
    return previewChat(server, organization.adminKey, baseUrl, definition.id);
  }

  it.each([
    ["http://127.0.0.1:PORT/v1", "127.0.0.1 is a loopback address"],
    ["http://localhost:11434/v1", "127.0.0.1 (the address of localhost) is a loopback address"],
    ["http://169.254.169.254/v1", "link-local"],
    ["http://192.168.1.20:8000/v1", "private"],
  ])("refuses to save the base URL %s, naming /baseUrl and the rule", async (template, rule) => {
    const response = await saveBaseUrl(template.replace("PORT", port));
    expect(response.statusCode, response.body).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe("invalid_ai_settings");
    expect(error.problems).toEqual([
      expect.objectContaining({ in: "body", path: "/baseUrl", code: "address_not_allowed" }),
    ]);
    expect(error.problems[0].message).toContain(rule);
    expect(error.problems[0].message).toContain("PARLEY_ALLOWED_OUTGOING_HOSTS");
  });

  it("answers through a host the operator allows", { timeout: 30_000 }, async () => {
    expect((await saveBaseUrl(`http://models.internal:${port}/v1`)).statusCode).toBe(200);
    openai.reply({ kind: "answer", text: "You can return most items within 30 days of delivery [1]." });
    const before = openai.requests.length;
    const client = await chat();
    await ask(
      client,
      "how many days do I have to return something?",
      (message) => message.author === "assistant" && message.body.kind === "answer",
    );
    expect(openai.requests.length).toBe(before + 1);
  });

  it("refuses when connecting a name that has since moved to loopback, handing over", {
    timeout: 30_000,
  }, async () => {
    expect((await saveBaseUrl(`http://rebinding.example:${port}/v1`)).statusCode).toBe(200);
    dns.set("rebinding.example", ["127.0.0.1"]);
    openai.reply({ kind: "answer", text: "You can return most items within 30 days of delivery [1]." });
    const before = openai.requests.length;
    const client = await chat();
    await ask(
      client,
      "how many days do I have to return something?",
      (message) => message.author === "system" && message.body.event === "transferred",
      25_000,
    );
    const transferred = await eventually(async () => {
      const entries = await server.connection.database
        .select()
        .from(conversationActivity)
        .where(eq(conversationActivity.conversationId, client.conversationId));
      return entries.find((entry) => entry.kind === "transferred");
    });
    expect(String((transferred.data as { reason: string }).reason)).toContain(
      "127.0.0.1 (the address of rebinding.example) is a loopback address",
    );
    expect(openai.requests.length).toBe(before);
  });
});
