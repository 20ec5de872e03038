import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestOrganization, TestServer } from "../../test/test-server.ts";
import { createTestServer, testDatabases } from "../../test/test-server.ts";
import { demoOrganization, eventually } from "../conversations/test-setup.ts";
import {
  type SignedInUser,
  serverStartMilliseconds,
  signIn,
  startedConversation,
  teamIds,
  transferredConversation,
} from "./agent-test-support.ts";

describe.each(testDatabases)("agents assign, reply and mark done on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let brandId: string;
  let baseUrl: string;
  let agent: SignedInUser;
  let colleague: SignedInUser;

  beforeAll(async () => {
    server = await createTestServer(kind);
    ({ organization, brandId } = await demoOrganization(server));
    baseUrl = await server.listen();
    agent = await signIn(server, organization, "agent");
    colleague = await signIn(server, organization, "manager");
  }, serverStartMilliseconds);
  afterAll(() => server.close());

  const post = (path: string, payload?: unknown, headers: Record<string, string> = {}) =>
    server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/conversations${path}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const timeline = async (id: string) =>
    (await server.request(organization.adminKey, { method: "GET", url: `/v1/conversations/${id}` })).json();

  it("assigns to the signed-in agent, or to the agent an API key names, and the queue follows", async () => {
    const client = await transferredConversation(baseUrl, brandId, "Shipping");
    const shipping = (await teamIds(server, organization.adminKey)).Shipping;
    const queue = async (filter: string) =>
      (
        await server.request(organization.adminKey, {
          method: "GET",
          url: `/v1/conversations?queue=true&teamId=${shipping}&${filter}`,
        })
      )
        .json()
        .data.map((item: { id: string }) => item.id);
    expect(await queue("unassigned=true")).toContain(client.conversationId);

    const self = await agent.request({
      method: "POST",
      url: `/v1/conversations/${client.conversationId}/assign`,
    });
    expect(self.statusCode).toBe(200);
    expect(self.json().conversation).toMatchObject({ assignedAgentId: agent.userId, status: "transferred" });
    expect(await queue("unassigned=true")).not.toContain(client.conversationId);
    expect(await queue(`assignedAgentId=${agent.userId}`)).toEqual([client.conversationId]);

    const handedOver = await post(`/${client.conversationId}/assign`, { agentId: colleague.userId });
    expect(handedOver.json().conversation.assignedAgentId).toBe(colleague.userId);
    const activity = (await timeline(client.conversationId)).activity.filter(
      (entry: { kind: string }) => entry.kind === "assigned",
    );
    expect(activity.map((entry: { data: { agentId: string } }) => entry.data.agentId)).toEqual([
      agent.userId,
      colleague.userId,
    ]);
    // The agent who has it already: nothing to record.
    await post(`/${client.conversationId}/assign`, { agentId: colleague.userId });
    expect(
      (await timeline(client.conversationId)).activity.filter(
        (entry: { kind: string }) => entry.kind === "assigned",
      ),
    ).toHaveLength(2);
  });

  it("refuses an assignment without an agent from an API key, or to someone outside the organization (422)", async () => {
    const client = await transferredConversation(baseUrl, brandId, "CX");
    const missing = await post(`/${client.conversationId}/assign`, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.problems).toEqual([
      expect.objectContaining({ path: "/agentId", code: "required" }),
    ]);
    const stranger = await signIn(server, await server.organization("Elsewhere"), "agent");
    const outsider = await post(`/${client.conversationId}/assign`, { agentId: stranger.userId });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().error.problems).toEqual([
      expect.objectContaining({ path: "/agentId", code: "unknown_agent" }),
    ]);
    const malformed = await post(`/${client.conversationId}/assign`, { agentId: "me", extra: true });
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .error.problems.map((problem: { path: string }) => problem.path)
        .sort(),
    ).toEqual(["/agentId", "/extra"]);
  });

  it("delivers a reply to the customer's socket as the agent, with typing before it", async () => {
    const client = await transferredConversation(baseUrl, brandId, "Sales");
    await client.connect();
    // The socket listens for notices before it sends the backlog: once that arrives, typing reaches it.
    await client.waitFor((message) => message.body.event === "transferred");
    const typing = await agent.request({
      method: "POST",
      url: `/v1/conversations/${client.conversationId}/typing`,
      payload: { active: true },
    });
    expect(typing.statusCode).toBe(204);
    await eventually(async () =>
      client.frames.some((frame) => frame.type === "typing" && frame.author === "agent" && frame.active),
    );

    const reply = await agent.request({
      method: "POST",
      url: `/v1/conversations/${client.conversationId}/replies`,
      payload: { text: "  Hi Ada, I can help with that.  " },
    });
    expect(reply.statusCode).toBe(202);
    expect(reply.json()).toMatchObject({
      duplicate: false,
      sequence: expect.any(Number),
      // An unassigned conversation goes to whoever answers it.
      conversation: { assignedAgentId: agent.userId, firstAgentReplyAt: expect.any(String) },
    });
    const received = await client.waitFor((message) => message.author === "agent");
    expect(received).toMatchObject({
      sequence: reply.json().sequence,
      authorId: agent.userId,
      body: { kind: "text", text: "Hi Ada, I can help with that." },
    });
    client.disconnect();
  });

  it("interrupts the assistant when an agent replies while it still runs", async () => {
    const client = await startedConversation(baseUrl, brandId);
    const reply = await post(`/${client.conversationId}/replies`, {
      text: "Let me take this one.",
      agentId: agent.userId,
    });
    expect(reply.statusCode).toBe(202);
    expect(reply.json().conversation).toMatchObject({
      status: "transferred",
      assistantStatus: "interrupted",
      assignedAgentId: agent.userId,
    });
    const { activity } = await timeline(client.conversationId);
    expect(activity).toContainEqual(
      expect.objectContaining({
        kind: "assistant_status",
        data: expect.objectContaining({ status: "interrupted" }),
      }),
    );
    // The assistant no longer answers: the customer's words wait for the agent.
    const sent = await client.send({ text: "Ada" });
    const after = (await timeline(client.conversationId)).messages.filter(
      (message: { sequence: number }) => message.sequence > (sent.sequence ?? 0),
    );
    expect(after).toEqual([]);
  });

  it("stores a retried reply once when the Idempotency-Key repeats", async () => {
    const client = await transferredConversation(baseUrl, brandId, "Shipping");
    const headers = { "idempotency-key": "reply-42" };
    const payload = { text: "On its way!", agentId: agent.userId };
    const first = await post(`/${client.conversationId}/replies`, payload, headers);
    const again = await post(`/${client.conversationId}/replies`, payload, headers);
    expect(first.json()).toMatchObject({ duplicate: false });
    expect(again.json()).toMatchObject({ duplicate: true, sequence: first.json().sequence });
    const { messages, activity } = await timeline(client.conversationId);
    expect(messages.filter((message: { author: string }) => message.author === "agent")).toHaveLength(1);
    expect(activity.filter((entry: { kind: string }) => entry.kind === "assigned")).toHaveLength(1);
    // Without the header, the same text twice is two replies.
    await post(`/${client.conversationId}/replies`, payload);
    await post(`/${client.conversationId}/replies`, payload);
    expect(
      (await timeline(client.conversationId)).messages.filter(
        (message: { author: string }) => message.author === "agent",
      ),
    ).toHaveLength(3);
    // An API key may mark it done without naming anyone, and without a body.
    const done = await post(`/${client.conversationId}/done`);
    expect(done.json().conversation.status).toBe("ended");
  });

  it("ends the conversation when marked done: the customer can no longer write, nor the agent", async () => {
    const client = await transferredConversation(baseUrl, brandId, "CX");
    const replied = await agent.request({
      method: "POST",
      url: `/v1/conversations/${client.conversationId}/replies`,
      payload: { text: "Anything else?" },
      headers: { "idempotency-key": "last-words" },
    });
    const done = await agent.request({
      method: "POST",
      url: `/v1/conversations/${client.conversationId}/done`,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().conversation).toMatchObject({ status: "ended", endedAt: expect.any(String) });
    const { activity } = await timeline(client.conversationId);
    expect(activity).toContainEqual(
      expect.objectContaining({
        kind: "ended",
        data: { reason: "an agent marked it done", agentId: expect.any(String) },
      }),
    );

    const customer = await client.request("POST", "/messages", {
      clientMessageId: "late",
      text: "One more thing",
    });
    expect(customer.status).toBe(409);
    const late = await agent.request({
      method: "POST",
      url: `/v1/conversations/${client.conversationId}/replies`,
      payload: { text: "Hello?" },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("conversation_ended");
    // A retry of the reply sent before the end is answered as the duplicate it is.
    const retried = await agent.request({
      method: "POST",
      url: `/v1/conversations/${client.conversationId}/replies`,
      payload: { text: "Anything else?" },
      headers: { "idempotency-key": "last-words" },
    });
    expect(retried.json()).toMatchObject({ duplicate: true, sequence: replied.json().sequence });
    expect((await post(`/${client.conversationId}/assign`, { agentId: agent.userId })).statusCode).toBe(409);
    expect((await post(`/${client.conversationId}/typing`, { active: true })).statusCode).toBe(409);
    const again = await post(`/${client.conversationId}/done`);
    expect(again.statusCode).toBe(200);
    expect(again.json().conversation.endedAt).toBe(done.json().conversation.endedAt);
  });

  it("checks replies: text length, whose name, and the CSRF header of sessions", async () => {
    const client = await transferredConversation(baseUrl, brandId, "Sales");
    const url = `/v1/conversations/${client.conversationId}/replies`;
    const tooLong = await agent.request({ method: "POST", url, payload: { text: "x".repeat(4097) } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.problems).toEqual([
      expect.objectContaining({ in: "body", path: "/text", limit: 4096 }),
    ]);
    const blank = await agent.request({ method: "POST", url, payload: { text: "   " } });
    expect(blank.json().error.problems).toEqual([expect.objectContaining({ path: "/text" })]);
    const badKey = await agent.request({
      method: "POST",
      url,
      payload: { text: "Hi" },
      headers: { "idempotency-key": "" },
    });
    expect(badKey.json().error.problems).toEqual([
      expect.objectContaining({ in: "headers", path: "/idempotency-key" }),
    ]);
    const impersonating = await agent.request({
      method: "POST",
      url,
      payload: { text: "Hi", agentId: colleague.userId },
    });
    expect(impersonating.statusCode).toBe(422);
    expect(impersonating.json().error.problems).toEqual([
      expect.objectContaining({ path: "/agentId", code: "not_yourself" }),
    ]);
    expect((await post(url.replace("/v1/conversations", ""), { text: "Hi" })).statusCode).toBe(422);
    const withoutCsrf = await agent.request({
      method: "POST",
      url,
      payload: { text: "Hi" },
      headers: { "x-parley-request": "" },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(
      (await timeline(client.conversationId)).messages.some(
        (message: { author: string }) => message.author === "agent",
      ),
    ).toBe(false);
  });
});
