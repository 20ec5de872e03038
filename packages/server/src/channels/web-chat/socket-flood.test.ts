import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { WebChatClient } from "../../../test/web-chat-client.ts";
import { type FeedNotice, feedChannel, parseFeedNotice } from "../../conversations/feed-notice.ts";
import { demoOrganization, eventually } from "../../conversations/test-setup.ts";

const typingFrame = JSON.stringify({ type: "typing", active: true });

describe.each(testDatabases)("a flooded web chat socket on %s", (kind) => {
  let server: TestServer;
  let baseUrl: string;
  let attackerBrandId: string;
  let customerBrandId: string;
  let customerOrganizationKey: string;
  /** Every notice any process would receive on the feed's channel, as the sockets' feeds do. */
  const notices: FeedNotice[] = [];
  let stopListening: () => Promise<void>;

  beforeAll(async () => {
    server = await createTestServer(kind);
    ({ brandId: attackerBrandId } = await demoOrganization(server));
    const customerSide = await demoOrganization(server);
    customerBrandId = customerSide.brandId;
    customerOrganizationKey = customerSide.organization.adminKey;
    stopListening = await server.connection.listen(feedChannel, (payload) => {
      const notice = parseFeedNotice(payload);
      if (notice) notices.push(notice);
    });
    baseUrl = await server.listen();
  }, 60_000);
  afterAll(async () => {
    await stopListening();
    await server.close();
  }, 60_000);

  const typingNotices = (conversationId: string, author = "customer") =>
    notices.filter((notice) => notice.conversationId === conversationId && notice.typing?.author === author);

  /** A socket of the client's conversation, once it reads frames: when the first message has come. */
  async function openSocket(client: WebChatClient): Promise<WebSocket> {
    const query = `token=${encodeURIComponent(client.visitorToken)}&after=0`;
    const socket = new WebSocket(
      `${baseUrl.replace(/^http/, "ws")}/v1/web-chat/conversations/${client.conversationId}/socket?${query}`,
    );
    await once(socket, "message");
    return socket;
  }

  /** The socket's close code, or "still open" if the server has not closed it within the time. */
  function closeCode(socket: WebSocket, timeoutMilliseconds = 10_000): Promise<number | "still open"> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve("still open"), timeoutMilliseconds);
      socket.on("close", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  async function timedSend(client: WebChatClient, text: string): Promise<number> {
    const begun = performance.now();
    const outcome = await client.send({ text });
    const elapsed = performance.now() - begun;
    // The message is stored and reaches the customer's socket.
    await client.waitFor(
      (message) => message.sequence === outcome.sequence && message.body.text === text,
      20_000,
    );
    return elapsed;
  }

  it("closes a socket that floods typing frames with 1008 and publishes its typing once, while another organization's customer is answered", async () => {
    const customer = new WebChatClient(baseUrl);
    await customer.start({ brandId: customerBrandId, session: { language: "en" } });
    await customer.connect();
    const baseline: number[] = [];
    for (const text of ["Ada", "hello", "anyone?"]) baseline.push(await timedSend(customer, text));

    const attacker = new WebChatClient(baseUrl);
    await attacker.start({ brandId: attackerBrandId, session: { language: "en" } });
    const flooding = await openSocket(attacker);
    const closed = closeCode(flooding);
    flooding.send(typingFrame);
    await eventually(async () => typingNotices(attacker.conversationId).length === 1);
    for (let frame = 0; frame < 30_000; frame += 1) flooding.send(typingFrame);

    const during: number[] = [];
    for (const text of ["still there?", "my order", "is late"]) during.push(await timedSend(customer, text));
    expect(await closed).toBe(1008);
    // Generous: a machine busy with other work must not fail this, a flood that queues NOTIFYs would.
    expect(Math.max(...during)).toBeLessThan(Math.max(...baseline) * 20 + 1000);

    // A last message's notice comes after anything the flood could still have queued.
    await timedSend(customer, "thanks");
    expect(typingNotices(attacker.conversationId)).toEqual([
      { conversationId: attacker.conversationId, typing: { author: "customer", active: true } },
    ]);
    customer.disconnect();
  }, 60_000);

  it("closes a socket that floods garbage and oversized frames, which count as frames too", async () => {
    const attacker = new WebChatClient(baseUrl);
    await attacker.start({ brandId: attackerBrandId, session: { language: "en" } });
    const flooding = await openSocket(attacker);
    const closed = closeCode(flooding);
    const oversized = JSON.stringify({ type: "typing", active: true, padding: "x".repeat(2000) });
    for (let frame = 0; frame < 5000; frame += 1) flooding.send(frame % 2 === 0 ? "{not json" : oversized);
    expect(await closed).toBe(1008);
  }, 60_000);

  it("sends a customer's and an agent's typing only when it changes, at most once an interval", async () => {
    const customer = new WebChatClient(baseUrl);
    await customer.start({ brandId: customerBrandId, session: { language: "en" } });
    await customer.connect();
    const socket = await openSocket(customer);
    const conversationId = customer.conversationId;
    // Within the socket's budget: three "typing", a stop, typing again at once, a second stop.
    for (const active of [true, true, true, false, true, false]) {
      socket.send(JSON.stringify({ type: "typing", active }));
    }
    // The same through the HTTP route, which shares the throttle.
    for (const active of [true, false]) {
      const response = await customer.request("POST", "/typing", { active });
      expect(response.status).toBe(204);
    }
    for (const active of [true, true, true, false, false]) {
      const response = await server.request(customerOrganizationKey, {
        method: "POST",
        url: `/v1/conversations/${conversationId}/typing`,
        payload: { active },
      });
      expect(response.statusCode).toBe(204);
    }
    // A message's notice, after which nothing queued before it is still on its way.
    const { sequence } = await customer.send({ text: "Ada" });
    await eventually(async () =>
      notices.some(
        (notice) => notice.conversationId === conversationId && (notice.lastSequence ?? 0) >= (sequence ?? 1),
      ),
    );
    await eventually(async () => customer.frames.some((frame) => frame.type === "typing" && !frame.active));
    // "Typing" at most once (a stop that waited with it replaces it), and the stop last.
    const states = (typing: Array<{ active: boolean } | undefined>) => typing.map((state) => state?.active);
    expect([[true, false], [false]]).toContainEqual(
      states(typingNotices(conversationId).map((notice) => notice.typing)),
    );
    expect([[true, false], [false]]).toContainEqual(
      states(typingNotices(conversationId, "agent").map((notice) => notice.typing)),
    );
    // The customer's widget sees the agent's typing the same way.
    const agentTyping = customer.frames.flatMap((frame) => (frame.type === "typing" ? [frame] : []));
    expect(agentTyping.every((frame) => frame.author === "agent")).toBe(true);
    expect([[true, false], [false]]).toContainEqual(states(agentTyping));
    socket.close();
    customer.disconnect();
  }, 60_000);

  it("answers a customer's message without waiting for its notice, and merges the notices that wait", async () => {
    const customer = new WebChatClient(baseUrl);
    await customer.start({ brandId: customerBrandId, session: { language: "en" } });
    await customer.connect();
    const notify = server.connection.notify;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sent = 0;
    // The notify path is stuck: the NOTIFYs in flight do not finish until released.
    server.connection.notify = async (channel, payload) => {
      if (payload.includes(customer.conversationId)) sent += 1;
      await released;
      await notify(channel, payload);
    };
    try {
      const outcomes = [];
      for (const text of ["one", "two", "three", "four", "five"])
        outcomes.push(await customer.send({ text }));
      expect(outcomes.map((outcome) => outcome.duplicate)).toEqual([false, false, false, false, false]);
      // One NOTIFY of a conversation at a time: the rest wait, merged.
      expect(sent).toBe(1);
      release();
      // What waited went out as one notice, and the socket has every message.
      await customer.waitFor((message) => message.author === "customer" && message.body.text === "five");
      expect(sent).toBe(2);
    } finally {
      release();
      server.connection.notify = notify;
    }
    customer.disconnect();
  }, 60_000);
});
