import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { WebChatClient } from "../../../test/web-chat-client.ts";
import { demoOrganization } from "../../conversations/test-setup.ts";
import { conversationMessages } from "../../database/schema/index.ts";

describe.each(testDatabases)("web chat input on %s", (kind) => {
  let server: TestServer;
  let baseUrl: string;
  let brandId: string;

  beforeAll(async () => {
    server = await createTestServer(kind, {
      webChatLimits: {
        requestsPerMinutePerIp: 1000,
        messagesPerMinutePerConversation: 8,
        messagesPerMinutePerIp: 1000,
        startsPerMinutePerIp: 1000,
      },
    });
    ({ brandId } = await demoOrganization(server));
    baseUrl = await server.listen();
  });
  afterAll(() => server.close());

  async function customerMessages(conversationId: string): Promise<number> {
    const [row] = await server.connection.database
      .select({ count: sql<number>`count(*)::int` })
      .from(conversationMessages)
      .where(
        and(
          eq(conversationMessages.conversationId, conversationId),
          eq(conversationMessages.author, "customer"),
        ),
      );
    return row?.count ?? 0;
  }

  async function started(): Promise<WebChatClient> {
    const client = new WebChatClient(baseUrl);
    await client.start({ brandId, session: {} });
    return client;
  }

  it("refuses a message over 4,096 characters, naming the field and the limit, and stores nothing", async () => {
    const client = await started();
    const response = await client.request("POST", "/messages", {
      clientMessageId: "long",
      text: "x".repeat(4097),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { problems: Array<{ path: string; message: string }> } };
    expect(body.error.problems).toContainEqual(
      expect.objectContaining({ path: "/text", message: expect.stringContaining("4096") }),
    );
    expect(await customerMessages(client.conversationId)).toBe(0);
    // Exactly 4,096 characters is fine.
    expect(
      (await client.request("POST", "/messages", { clientMessageId: "max", text: "y".repeat(4096) })).status,
    ).toBe(202);
  });

  it("refuses hostile text (NUL, unpaired surrogates) naming the field, and stores nothing", async () => {
    const client = await started();
    const raw = '{"clientMessageId":"hostile","text":"Ada\\u0000 \\ud800 {{customer.name}}"}';
    const response = await fetch(`${baseUrl}/v1/web-chat/conversations/${client.conversationId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-parley-visitor-token": client.visitorToken },
      body: raw,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { problems: [{ in: "body", path: "/text", code: "invalid_characters" }] },
    });
    expect(await customerMessages(client.conversationId)).toBe(0);
  });

  it("asks for exactly one kind of content", async () => {
    const client = await started();
    for (const body of [{ clientMessageId: "a" }, { clientMessageId: "b", text: "hi", optionId: "x" }]) {
      const response = await client.request("POST", "/messages", body);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("exactly one of text, optionId or attachments");
    }
    const missingId = await client.request("POST", "/messages", { text: "hi" });
    expect(await missingId.json()).toMatchObject({
      error: { problems: [expect.objectContaining({ path: "/clientMessageId" })] },
    });
  });

  it("answers 404 for unknown conversations and wrong visitor tokens alike", async () => {
    const client = await started();
    const stranger = new WebChatClient(baseUrl);
    stranger.conversationId = client.conversationId;
    stranger.visitorToken = "not-the-token";
    expect((await stranger.request("GET", "/messages")).status).toBe(404);
    expect((await stranger.request("POST", "/messages", { clientMessageId: "1", text: "hi" })).status).toBe(
      404,
    );
    stranger.conversationId = "00000000-0000-4000-8000-000000000000";
    stranger.visitorToken = client.visitorToken;
    expect((await stranger.request("GET", "")).status).toBe(404);
    await stranger.connect();
    expect(await stranger.closeCode).toBe(4404);
    stranger.conversationId = "not-a-uuid";
    expect((await stranger.request("GET", "")).status).toBe(404);
    expect(await customerMessages(client.conversationId)).toBe(0);
  });

  it("stores a message sent twice with one client id once", async () => {
    const client = await started();
    const first = await client.send({ text: "Ada" }, "same-id");
    const second = await client.send({ text: "Ada" }, "same-id");
    expect(second).toEqual({ sequence: first.sequence, duplicate: true });
    expect(await customerMessages(client.conversationId)).toBe(1);
  });

  it("limits a flooding conversation with 429 without slowing another", async () => {
    const noisy = await started();
    const quiet = await started();
    const statuses: number[] = [];
    for (let index = 0; index < 12; index += 1) {
      const response = await noisy.request("POST", "/messages", {
        clientMessageId: `flood-${index}`,
        text: "spam",
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get("retry-after")).not.toBeNull();
        expect(await response.json()).toMatchObject({ error: { code: "rate_limited" } });
      }
    }
    expect(statuses.filter((status) => status === 202)).toHaveLength(8);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    expect(await customerMessages(noisy.conversationId)).toBe(8);
    expect((await quiet.send({ text: "Grace" })).duplicate).toBe(false);
  });

  it("ends the conversation when the customer closes it, then refuses more messages with 409", async () => {
    const client = await started();
    const closed = await client.request("POST", "/close");
    expect(await closed.json()).toMatchObject({ conversation: { status: "ended" } });
    const response = await client.request("POST", "/messages", { clientMessageId: "late", text: "hello?" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: "conversation_ended" } });
  });

  it("stores a satisfaction rating on 2-, 3- or 5-point scales and refuses others", async () => {
    const client = await started();
    expect((await client.request("POST", "/rating", { scale: 5, value: 4 })).status).toBe(201);
    expect((await client.request("POST", "/rating", { scale: 2, value: 2, comment: "thanks" })).status).toBe(
      201,
    );
    const tooHigh = await client.request("POST", "/rating", { scale: 3, value: 4 });
    expect(await tooHigh.json()).toMatchObject({
      error: { problems: [expect.objectContaining({ path: "/value" })] },
    });
    expect((await client.request("POST", "/rating", { scale: 4, value: 1 })).status).toBe(400);
  });

  it("lets a shop on another domain call the web chat routes, and only those", async () => {
    const preflight = await fetch(`${baseUrl}/v1/web-chat/conversations`, {
      method: "OPTIONS",
      headers: {
        origin: "https://shop.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-parley-visitor-token",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-parley-visitor-token");
    const brand = await fetch(`${baseUrl}/v1/web-chat/brands/${brandId}`, {
      headers: { origin: "https://shop.example" },
    });
    expect(brand.headers.get("access-control-allow-origin")).toBe("*");
    // The admin API keeps refusing cross-origin calls: its cookies must not be usable from other sites.
    const admin = await fetch(`${baseUrl}/v1/assistants`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(admin.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses an unknown brand and bad session fields", async () => {
    const unknown = await fetch(`${baseUrl}/v1/web-chat/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ brandId: "00000000-0000-4000-8000-000000000000" }),
    });
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${baseUrl}/v1/web-chat/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ brandId, session: { timeOnPage: -1, extra: true } }),
    });
    expect(bad.status).toBe(400);
    const problems = ((await bad.json()) as { error: { problems: Array<{ path: string }> } }).error.problems;
    expect(problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(["/session/timeOnPage"]));
  });
});
