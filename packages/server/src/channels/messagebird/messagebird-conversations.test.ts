import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { TestClock } from "pg-boss";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  activityOf,
  type ChannelFixture,
  connectTutorial,
  conversationsOf,
  deliveriesOf,
  retrySendsUntil,
  transcriptOf,
} from "../../../test/channel-conversations.ts";
import {
  type MessagebirdProvider,
  messagebirdId,
  signMessagebirdWebhook,
  startMessagebirdProvider,
} from "../../../test/providers/messagebird-provider.ts";
import {
  createTestServer,
  type TestServer,
  type TestServerOptions,
  testDatabases,
} from "../../../test/test-server.ts";
import { serverStartMilliseconds, signIn } from "../../agents/agent-test-support.ts";
import { eventually } from "../../conversations/test-setup.ts";
import { queueNames } from "../../jobs/job-queue.ts";

const channelId = messagebirdId();
const accessKey = "messagebird-access-key-for-tests";
const signingKey = "messagebird-signing-key-for-tests";
const customer = "+31612345678";
const welcomeStart = "Hi! I'm a bot";

describe.each(testDatabases)("WhatsApp through MessageBird on %s", (kind) => {
  let server: TestServer;
  let messagebird: MessagebirdProvider;
  let fixture: ChannelFixture;

  async function start(options: TestServerOptions): Promise<void> {
    server = await createTestServer(kind, options);
    const baseUrl = await server.listen();
    messagebird = await startMessagebirdProvider({ channelId, accessKey, signingKey });
    fixture = await connectTutorial(server, baseUrl, {
      channel: "messagebird_whatsapp",
      connection: {
        provider: "messagebird",
        kind: "whatsapp",
        address: channelId,
        credentials: { accessKey, signingKey },
        apiBaseUrl: messagebird.url,
      },
    });
  }
  afterEach(async () => {
    await server.close();
    await messagebird.close();
  });

  /** The server's time, which a manual clock may have moved away from the wall clock: webhooks are signed at it. */
  const now = () => server.clock?.now() ?? Date.now();

  const customerSays = (text: string, options: { id?: string } = {}) =>
    messagebird.sendInbound(fixture.webhookUrl, { from: customer, text, ...options }, { now: now() });

  const sendRequests = () => messagebird.requests.filter((request) => request.path === "/v1/send");

  describe("conversations", () => {
    beforeEach(() => start({}), serverStartMilliseconds);

    it("runs the tutorial on WhatsApp: the menu answered by number, a transfer, and an agent's reply sent by MessageBird", async () => {
      const first = await customerSays("Hi there");
      expect(first.status).toBe(200);

      const [welcome, askName] = await messagebird.waitForMessages(2);
      expect(welcome).toMatchObject({ to: customer, from: channelId, type: "text" });
      expect(welcome?.text).toContain("I'm a bot");
      expect(welcome?.request.headers.authorization).toBe(`AccessKey ${accessKey}`);
      expect(askName?.text).toBe("First, what's your name?");

      await customerSays("Ana");
      const menu = (await messagebird.waitForMessages(3))[2];
      expect(menu?.text).toContain("Reply with a number");
      expect(menu?.text).toContain("Sales");

      await customerSays("2");
      const handover = (await messagebird.waitForMessages(4))[3];
      expect(handover?.text).toBe(
        "Thanks, Ana! I'm connecting you with our sales team. An agent will be with you shortly.",
      );

      const [conversation] = await conversationsOf(server, fixture.connectionId);
      expect(conversation).toMatchObject({
        channel: "messagebird_whatsapp",
        status: "transferred",
        customerAddress: customer,
      });
      const conversationId = conversation?.id ?? "";
      expect((await transcriptOf(server, conversationId))[0]).toBe("customer: Hi there");

      const agent = await signIn(server, fixture.organization, "agent");
      const reply = await agent.request({
        method: "POST",
        url: `/v1/conversations/${conversationId}/replies`,
        payload: { text: "Hello Ana, this is Sam from Sales." },
      });
      expect(reply.statusCode).toBe(202);
      const agentMessage = (await messagebird.waitForMessages(5))[4];
      expect(agentMessage).toMatchObject({
        to: customer,
        from: channelId,
        type: "text",
        text: "Hello Ana, this is Sam from Sales.",
        reportUrl: fixture.webhookUrl,
      });

      // MessageBird reports the agent's message delivered once Parley has recorded it as sent.
      await eventually(async () => (await deliveriesOf(server, conversationId))[4]?.status === "sent");
      const status = await messagebird.sendStatus(
        agentMessage?.reportUrl ?? "",
        { messageId: agentMessage?.providerMessageId ?? "", status: "delivered", to: customer },
        { now: now() },
      );
      expect(status.status).toBe(200);
      const deliveries = await eventually(async () => {
        const rows = await deliveriesOf(server, conversationId);
        return rows.length === 5 && rows.every((row) => row.status !== "pending") ? rows : null;
      });
      expect(deliveries.map((row) => row.status)).toEqual(["sent", "sent", "sent", "sent", "delivered"]);
      expect(deliveries.map((row) => row.providerMessageId)).toEqual(
        messagebird.sent.map((message) => message.providerMessageId),
      );

      const listed = await fixture.organization
        .keyWith("org.agent")
        .then((key) =>
          server.request(key, { method: "GET", url: `/v1/conversations/${conversationId}/deliveries` }),
        );
      expect(listed.statusCode).toBe(200);
      expect(listed.json().data).toHaveLength(5);
    });

    it("moves a delivery forward with message.updated, never back, and records a rejection as failed", async () => {
      await customerSays("Hi");
      const [welcome, askName] = await messagebird.waitForMessages(2);
      const [conversation] = await conversationsOf(server, fixture.connectionId);
      const conversationId = conversation?.id ?? "";
      await eventually(async () => {
        const rows = await deliveriesOf(server, conversationId);
        return rows.length === 2 && rows.every((row) => row.status === "sent");
      });
      const report = (messageId: string, status: string, error?: { code: number; description: string }) =>
        messagebird.sendStatus(
          fixture.webhookUrl,
          { messageId, status, to: customer, ...(error ? { error } : {}) },
          { now: now() },
        );

      expect((await report(welcome?.providerMessageId ?? "", "read")).status).toBe(200);
      // A late "delivered" after "read" changes nothing.
      expect((await report(welcome?.providerMessageId ?? "", "delivered")).status).toBe(200);
      // Statuses MessageBird reports along the way ("transmitted") and of messages Parley never sent are ignored.
      expect((await report(askName?.providerMessageId ?? "", "transmitted")).status).toBe(200);
      expect((await report(messagebirdId(), "delivered")).status).toBe(200);
      expect(
        (await report(askName?.providerMessageId ?? "", "rejected", { code: 7, description: "No balance" }))
          .status,
      ).toBe(200);

      const rows = await deliveriesOf(server, conversationId);
      expect(rows.map((row) => row.status)).toEqual(["read", "failed"]);
      expect(rows[1]?.error).toContain("No balance");
      const failures = await activityOf(server, conversationId, "delivery_failed");
      expect(failures).toHaveLength(1);
      expect(failures[0]?.data).toMatchObject({ sequence: rows[1]?.sequence });
    });

    it("stores a message MessageBird delivers twice once, and sends nothing again for the retry", async () => {
      const id = messagebirdId();
      expect((await customerSays("Hi", { id })).status).toBe(200);
      expect((await customerSays("Hi", { id })).status).toBe(200);
      await messagebird.waitForMessages(2);
      const conversations = await conversationsOf(server, fixture.connectionId);
      expect(conversations).toHaveLength(1);
      expect(await transcriptOf(server, conversations[0]?.id ?? "")).toEqual([
        "customer: Hi",
        expect.stringContaining(`assistant: ${welcomeStart}`),
        "assistant: First, what's your name?",
      ]);
      // Nothing more went out for the retry.
      await sleep(300);
      expect(messagebird.sent).toHaveLength(2);
    });

    it("refuses expired, wrongly signed and unsigned webhooks, storing nothing", async () => {
      const attempt = (signature: "expired" | "wrong-key" | "wrong-issuer" | "not-yet-valid" | "missing") =>
        messagebird.sendInbound(
          fixture.webhookUrl,
          { from: customer, text: "Hi" },
          { signature, now: now() },
        );
      expect((await attempt("expired")).status).toBe(403);
      expect((await attempt("wrong-key")).status).toBe(403);
      expect((await attempt("wrong-issuer")).status).toBe(403);
      expect((await attempt("not-yet-valid")).status).toBe(403);
      const missing = await attempt("missing");
      expect(missing.status).toBe(401);
      expect(JSON.parse(missing.body).error.code).toBe("invalid_signature");

      // A token made for another connection's URL does not open this one.
      const elsewhere = fixture.webhookUrl.replace(fixture.connectionId, randomUUID());
      const moved = await fetch(fixture.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "messagebird-signature-jwt": await signMessagebirdWebhook(signingKey, elsewhere, "{}", {
            now: now(),
          }),
        },
        body: "{}",
      });
      expect(moved.status).toBe(403);

      expect(await conversationsOf(server, fixture.connectionId)).toEqual([]);
      await sleep(200);
      expect(messagebird.requests).toEqual([]);
    });
  });

  describe("provider outages", () => {
    /*
     * The manual clock stands still unless the test moves it, so each retry waits until the test
     * makes it due. (On PostgreSQL a job sent inside the turn's transaction is due at the real time,
     * which the runner below reaches by moving the clock to it as well.)
     */
    let clock: TestClock;
    beforeEach(async () => {
      await start({ manualClock: true });
      if (!server.clock) throw new Error("the test server has no manual clock");
      clock = server.clock;
    }, serverStartMilliseconds);

    /** Makes the idle send workers fetch now rather than at their next poll, without moving time. */
    function wakeWorkers(): void {
      for (const worker of server.jobs.getWipData()) {
        if (worker.name === queueNames.channelSend) server.jobs.notifyWorker(worker.id);
      }
    }

    it("retries through a short MessageBird outage and sends each message once", async () => {
      messagebird.failNext(2, 503);
      await customerSays("Hi");
      const [conversation] = await eventually(() => conversationsOf(server, fixture.connectionId));
      const conversationId = conversation?.id ?? "";
      const rows = await retrySendsUntil(server, conversationId, async () => {
        const current = await deliveriesOf(server, conversationId);
        return current.length === 2 && current.every((row) => row.status === "sent") ? current : null;
      });

      expect(messagebird.sent.map((message) => message.text)).toEqual([
        expect.stringContaining(welcomeStart),
        "First, what's your name?",
      ]);
      // Two refused attempts and one accepted for the welcome, then the question: nothing overtook it.
      expect(sendRequests().map((request) => JSON.parse(request.body).content.text)).toEqual([
        expect.stringContaining(welcomeStart),
        expect.stringContaining(welcomeStart),
        expect.stringContaining(welcomeStart),
        "First, what's your name?",
      ]);
      expect(rows.map((row) => row.attempts)).toEqual([3, 1]);
      expect(await activityOf(server, conversationId, "delivery_failed")).toEqual([]);
    }, 60_000);

    it("gives up on a message MessageBird keeps failing, records it as failed, and never sends it twice", async () => {
      // One first attempt and the queue's eight retries.
      const attempts = 9;
      messagebird.failNext(attempts, 500);
      await customerSays("Hi");
      const [conversation] = await eventually(() => conversationsOf(server, fixture.connectionId));
      const conversationId = conversation?.id ?? "";
      const failures = await retrySendsUntil(server, conversationId, async () => {
        const rows = await activityOf(server, conversationId, "delivery_failed");
        return rows.length > 0 ? rows : null;
      });

      expect(failures).toHaveLength(1);
      expect(failures[0]?.data).toMatchObject({
        sequence: 2,
        reason: expect.stringMatching(/gave up after 9 attempts: MessageBird error 99: Internal error/),
      });
      const welcomeRequests = sendRequests().filter((request) =>
        JSON.parse(request.body).content.text.startsWith(welcomeStart),
      );
      // Each attempt reached MessageBird once, and it never accepted the welcome.
      expect(welcomeRequests).toHaveLength(attempts);
      expect(messagebird.sent.filter((message) => message.text?.startsWith(welcomeStart))).toEqual([]);

      // The next message still goes out, once.
      const [sent] = await messagebird.waitForMessages(1);
      expect(sent?.text).toBe("First, what's your name?");
      const rows = await deliveriesOf(server, conversationId);
      expect(rows[0]).toMatchObject({ status: "failed", attempts });
      expect(rows[1]).toMatchObject({ status: "sent", attempts: 1 });

      // Time moving on sends nothing more.
      await clock.setTime(now() + 60 * 60 * 1000);
      wakeWorkers();
      await sleep(1500);
      expect(
        sendRequests().filter((request) => JSON.parse(request.body).content.text.startsWith(welcomeStart)),
      ).toHaveLength(attempts);
      expect(messagebird.sent.filter((message) => message.text === "First, what's your name?")).toHaveLength(
        1,
      );
    }, 120_000);
  });
});
