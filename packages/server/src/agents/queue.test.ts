import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestOrganization, TestServer } from "../../test/test-server.ts";
import { createTestServer, testDatabases } from "../../test/test-server.ts";
import type { WebChatClient } from "../../test/web-chat-client.ts";
import { demoOrganization } from "../conversations/test-setup.ts";
import { scopes } from "../http/scopes.ts";
import {
  serverStartMilliseconds,
  startedConversation,
  teamIds,
  transferredConversation,
} from "./agent-test-support.ts";

describe.each(testDatabases)("the agents' queue and timeline on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let teams: Record<string, string>;
  let firstShipping: WebChatClient;
  let secondShipping: WebChatClient;
  let sales: WebChatClient;
  let running: WebChatClient;

  beforeAll(async () => {
    server = await createTestServer(kind);
    const demo = await demoOrganization(server);
    organization = demo.organization;
    teams = await teamIds(server, organization.adminKey);
    const baseUrl = await server.listen();
    firstShipping = await transferredConversation(baseUrl, demo.brandId, "Shipping");
    sales = await transferredConversation(baseUrl, demo.brandId, "Sales");
    secondShipping = await transferredConversation(baseUrl, demo.brandId, "Shipping");
    running = await startedConversation(baseUrl, demo.brandId);
  }, serverStartMilliseconds);
  afterAll(() => server.close());

  const list = (query: string, key = organization.adminKey) =>
    server.request(key, { method: "GET", url: `/v1/conversations${query}` });

  it("shows a team's queue first come first served, with a preview of the last message and the wait", async () => {
    const response = await list(`?queue=true&teamId=${teams.Shipping}`);
    expect(response.statusCode).toBe(200);
    const { data, nextCursor } = response.json();
    expect(data.map((item: { id: string }) => item.id)).toEqual([
      firstShipping.conversationId,
      secondShipping.conversationId,
    ]);
    expect(nextCursor).toBeNull();
    expect(data[0]).toMatchObject({
      status: "transferred",
      assistantStatus: "transferred",
      teamId: teams.Shipping,
      assignedAgentId: null,
      channel: "chat",
      preview: false,
      firstAgentReplyAt: null,
      lastMessage: { author: expect.any(String), text: expect.any(String) },
    });
    expect(data[0].transferredAt).not.toBeNull();
    expect(data[0].waitingSeconds).toBeGreaterThanOrEqual(0);

    const timeline = (
      await server.request(organization.adminKey, {
        method: "GET",
        url: `/v1/conversations/${firstShipping.conversationId}`,
      })
    ).json();
    const last = timeline.messages.at(-1);
    expect(data[0].lastMessage).toMatchObject({ sequence: last.sequence, author: last.author });
    expect(last.body.text).toContain(data[0].lastMessage.text);
  });

  it("pages the queue with a cursor that only the queue accepts", async () => {
    const first = (await list(`?queue=true&teamId=${teams.Shipping}&limit=1`)).json();
    expect(first.data.map((item: { id: string }) => item.id)).toEqual([firstShipping.conversationId]);
    const second = (
      await list(`?queue=true&teamId=${teams.Shipping}&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.data.map((item: { id: string }) => item.id)).toEqual([secondShipping.conversationId]);
    expect(second.nextCursor).toBeNull();

    const mixed = await list(`?limit=1&cursor=${first.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.problems).toEqual([expect.objectContaining({ in: "query", path: "/cursor" })]);
    expect((await list("?cursor=bm90LWEtY3Vyc29y")).statusCode).toBe(400);
  });

  it("lists newest first otherwise, and filters by status and assignment", async () => {
    const all = (await list("")).json().data.map((item: { id: string }) => item.id);
    expect(all).toEqual([
      running.conversationId,
      secondShipping.conversationId,
      sales.conversationId,
      firstShipping.conversationId,
    ]);
    const open = (await list("?status=open")).json().data;
    expect(open.map((item: { id: string }) => item.id)).toEqual([running.conversationId]);
    expect(open[0]).toMatchObject({ assistantStatus: "running", transferredAt: null, waitingSeconds: null });
    expect((await list("?queue=true&unassigned=true")).json().data).toHaveLength(3);
    expect((await list("?unassigned=false")).json().data).toEqual([]);
    expect((await list(`?teamId=${teams.CX}`)).json().data).toEqual([]);
  });

  it("gives a conversation's timeline: transcript, attributes, the transfer with what it collected", async () => {
    const response = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/conversations/${sales.conversationId}`,
    });
    expect(response.statusCode).toBe(200);
    const timeline = response.json();
    expect(timeline.conversation).toMatchObject({
      id: sales.conversationId,
      status: "transferred",
      teamId: teams.Sales,
      assistantId: expect.any(String),
      assistantVersion: 1,
      session: { language: "en" },
    });
    expect(timeline.attributes).toEqual({
      conversation: expect.objectContaining({ assignedTeams: ["Sales"] }),
      customer: { name: "Ada" },
    });
    expect(timeline.customer).toBeNull();
    expect(timeline.rating).toBeNull();
    const sequences = timeline.messages.map((message: { sequence: number }) => message.sequence);
    expect(sequences).toEqual(sequences.map((_: number, index: number) => index + 1));
    expect(timeline.messages).toContainEqual(
      expect.objectContaining({ author: "customer", body: { kind: "text", text: "Ada" } }),
    );
    const kinds = timeline.activity.map((entry: { kind: string }) => entry.kind);
    expect(kinds).toContain("assistant_status");
    expect(timeline.activity).toContainEqual(
      expect.objectContaining({
        kind: "transferred",
        data: expect.objectContaining({
          teamId: teams.Sales,
          collected: expect.objectContaining({ "customer.name": "Ada" }),
        }),
      }),
    );
  });

  it("keeps other organizations out, and answers unknown and malformed ids with 404", async () => {
    const other = await server.organization("Other");
    expect((await list("", other.adminKey)).json().data).toEqual([]);
    const theirs = await server.request(other.adminKey, {
      method: "GET",
      url: `/v1/conversations/${sales.conversationId}`,
    });
    expect(theirs.statusCode).toBe(404);
    const reply = await server.request(other.adminKey, {
      method: "POST",
      url: `/v1/conversations/${sales.conversationId}/replies`,
      payload: { text: "Hello", agentId: "8a6e0804-2bd0-4672-b79d-d97027f2e5fe" },
    });
    expect(reply.statusCode).toBe(404);
    for (const id of ["not-a-uuid", "8a6e0804-2bd0-4672-b79d-d97027f2e5fe"]) {
      const response = await server.request(organization.adminKey, {
        method: "GET",
        url: `/v1/conversations/${id}`,
      });
      expect(response.statusCode).toBe(404);
    }
  });

  it("needs credentials (401) and the org.agent scope (403)", async () => {
    expect((await list("", "")).statusCode).toBe(401);
    const reader = await organization.keyWith(scopes.read);
    const forbidden = await list("", reader);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.message).toContain(scopes.agent);
    const agentKey = await organization.keyWith(scopes.agent);
    expect((await list("", agentKey)).statusCode).toBe(200);
  });

  it("names each invalid filter with a JSON pointer", async () => {
    const invalid = await list("?status=waiting&teamId=shipping&queue=yes&limit=0");
    expect(invalid.statusCode).toBe(400);
    const paths = invalid.json().error.problems.map((problem: { path: string }) => problem.path);
    expect(paths.sort()).toEqual(["/limit", "/queue", "/status", "/teamId"]);
    const conflicting = await list(
      "?queue=true&status=open&unassigned=true&assignedAgentId=8a6e0804-2bd0-4672-b79d-d97027f2e5fe",
    );
    expect(conflicting.statusCode).toBe(400);
    expect(conflicting.json().error.problems).toEqual([
      expect.objectContaining({ in: "query", path: "/status" }),
      expect.objectContaining({ in: "query", path: "/unassigned" }),
    ]);
  });
});
