import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { TestClock } from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import type { ConversationDomainEvent } from "../conversations/domain-events.ts";
import { queueNames } from "../jobs/job-queue.ts";
import { queueWebhookEvents } from "./queue-events.ts";
import { messageCreated, transferred } from "./test-events.ts";
import { startTestReceiver, type TestReceiver } from "./test-receiver.ts";

interface Delivery {
  id: string;
  eventId: string;
  status: string;
  eventType: string;
  attemptCount: number;
  lastResponseStatus: number | null;
  nextAttemptAt: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: read as the API answers it.
  payload: any;
  attempts: Array<{
    number: number;
    responseStatus: number | null;
    responseBody: string | null;
    error: string | null;
  }>;
}

// Generous timeouts: a loaded machine slows the database, not the manual clock.
describe.each(testDatabases)("webhook deliveries on %s", (kind) => {
  let server: TestServer;
  let clock: TestClock;
  let organization: TestOrganization;
  let receiver: TestReceiver;

  beforeAll(async () => {
    receiver = await startTestReceiver();
    server = await createTestServer(kind, { manualClock: true });
    if (!server.clock) throw new Error("the test server has no manual clock");
    clock = server.clock;
    organization = await server.organization("Deliveries");
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });
  afterEach(async () => {
    // Each test starts with no subscriptions, so one test's deliveries never reach another's receiver.
    const listed = await server.request(organization.adminKey, { method: "GET", url: "/v1/webhooks" });
    for (const { id } of listed.json().data) {
      await server.request(organization.adminKey, { method: "DELETE", url: `/v1/webhooks/${id}` });
    }
    receiver.received.length = 0;
    receiver.answers.length = 0;
  });

  async function subscribe(payload: object = {}): Promise<{ id: string; secret: string }> {
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/webhooks",
      payload: { url: receiver.url, events: ["conversation.transferred"], ...payload },
    });
    expect(response.statusCode, response.body).toBe(201);
    const webhook = response.json();
    receiver.secrets = [webhook.secret];
    return webhook;
  }

  /** Queues events the way the conversation runner does: inside its transaction. */
  function queueInTransaction(events: ConversationDomainEvent[]): Promise<void> {
    return server.connection.database.transaction((transaction) =>
      queueWebhookEvents(transaction, server.jobs, organization.id, events),
    );
  }

  async function deliveriesOf(webhookId: string, query = ""): Promise<Delivery[]> {
    const response = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/webhooks/${webhookId}/deliveries${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data;
  }

  async function delivery(id: string): Promise<Delivery> {
    const response = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/webhook-deliveries/${id}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  /** Makes the idle delivery workers fetch now rather than at their next poll, without moving time. */
  function wakeWorkers(): void {
    for (const worker of server.jobs.getWipData()) {
      if (worker.name === queueNames.webhookDelivery) server.jobs.notifyWorker(worker.id);
    }
  }

  /**
   * Moves the manual clock to each of the delivery's attempts in turn until `done` says so. Time
   * jumps to when the job is due and stands still while an attempt runs, so each state can be seen.
   */
  async function runUntil(id: string, done: (current: Delivery) => boolean): Promise<Delivery> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      // The job first: once it shows an attempt's outcome, that attempt's row has committed, so a
      // retry is never made due while the delivery still reads as before the attempt.
      const [job] = await server.jobs.findJobs(queueNames.webhookDelivery, { id });
      const current = await delivery(id);
      if (done(current) && job?.state !== "active") return current;
      if (Date.now() > deadline)
        throw new Error(`delivery ${id} never got there: ${JSON.stringify(current)}`);
      if (job && (job.state === "created" || job.state === "retry")) {
        const due = new Date(job.startAfter).getTime();
        if (due >= clock.now()) await clock.setTime(due + 1_000);
        wakeWorkers();
      }
      await sleep(5);
    }
  }

  it("delivers subscribed events queued inside a transaction, signed, with the documented headers and payload", async () => {
    const webhook = await subscribe({ events: ["conversation.transferred", "conversation.ended"] });
    const event = transferred();
    await queueInTransaction([messageCreated(event.conversationId), event]);

    const [queued] = await deliveriesOf(webhook.id);
    expect(queued).toMatchObject({
      status: "pending",
      eventType: "conversation.transferred",
      attemptCount: 0,
    });
    if (!queued) throw new Error("nothing was queued");
    const done = await runUntil(queued.id, (current) => current.status !== "pending");

    expect(done).toMatchObject({
      status: "succeeded",
      attemptCount: 1,
      lastResponseStatus: 200,
      nextAttemptAt: null,
    });
    expect(done.attempts).toEqual([
      expect.objectContaining({ number: 1, responseStatus: 200, responseBody: "thanks", error: null }),
    ]);
    // The unsubscribed message.created was never queued, so this is the only request.
    expect(receiver.received).toHaveLength(1);
    const [received] = receiver.received;
    expect(received?.matchedSecret).toBe(0);
    expect(received?.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Parley-Webhooks/1.0",
      "x-parley-event": "conversation.transferred",
      "x-parley-delivery": queued.id,
      "x-parley-attempt": "1",
    });
    expect(Math.abs(Number(received?.headers["x-parley-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(Object.keys(received?.json)).toEqual([
      "id",
      "type",
      "createdAt",
      "organizationId",
      "conversationId",
      "data",
    ]);
    expect(received?.json).toMatchObject({
      type: "conversation.transferred",
      organizationId: organization.id,
      conversationId: event.conversationId,
      data: {
        reason: "customer_asked",
        collected: { email: "a@example.com" },
        attributes: { orderNumber: "A-1001" },
      },
    });
    expect(received?.json).toEqual(done.payload);
    expect(received?.headers["x-parley-signature"]).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it("delivers nothing for a rolled-back transaction, nor to disabled subscriptions", async () => {
    const webhook = await subscribe({ events: ["message.created"] });
    const disabled = await subscribe({ events: ["message.created"], enabled: false });
    await expect(
      server.connection.database.transaction(async (transaction) => {
        await queueWebhookEvents(transaction, server.jobs, organization.id, [messageCreated()]);
        throw new Error("the turn failed");
      }),
    ).rejects.toThrow("the turn failed");
    await queueInTransaction([messageCreated()]);
    expect(await deliveriesOf(disabled.id)).toEqual([]);
    const [only, ...others] = await deliveriesOf(webhook.id);
    expect(others).toEqual([]);
    if (!only) throw new Error("nothing was queued");
    await runUntil(only.id, (current) => current.status === "succeeded");
    const jobs = await server.jobs.findJobs(queueNames.webhookDelivery);
    expect(jobs.filter((job) => job.state !== "completed")).toEqual([]);
    expect(receiver.received).toHaveLength(1);
  });

  it("retries after 500 answers with backoff until it succeeds, each attempt in the log", async () => {
    const webhook = await subscribe();
    receiver.answers.push(500, 503);
    await queueInTransaction([transferred()]);
    const [queued] = await deliveriesOf(webhook.id);
    if (!queued) throw new Error("nothing was queued");

    // The attempt is logged before pg-boss settles the job, so wait for the retry to be scheduled too.
    const failedOnce = await runUntil(
      queued.id,
      (current) => current.attemptCount >= 1 && current.nextAttemptAt !== null,
    );
    expect(failedOnce).toMatchObject({ status: "pending", lastResponseStatus: 500 });
    const retryIn = Date.parse(failedOnce.nextAttemptAt ?? "") - clock.now();
    // The first retry waits 10 to 20 seconds (the queue's retryDelay, doubled each time, with jitter).
    expect(retryIn).toBeGreaterThanOrEqual(9_000);
    expect(retryIn).toBeLessThanOrEqual(20_000);

    const done = await runUntil(queued.id, (current) => current.status === "succeeded");
    expect(done.attempts.map((attempt) => [attempt.number, attempt.responseStatus, attempt.error])).toEqual([
      [1, 500, "answered 500"],
      [2, 503, "answered 503"],
      [3, 200, null],
    ]);
    expect(done.attempts[0]?.responseBody).toBe("refused with 500");
    expect(receiver.received.map((request) => request.headers["x-parley-delivery"])).toEqual([
      queued.id,
      queued.id,
      queued.id,
    ]);
    expect(receiver.received.map((request) => request.headers["x-parley-attempt"])).toEqual(["1", "2", "3"]);
    expect(receiver.received.every((request) => request.matchedSecret === 0)).toBe(true);
    expect(await deliveriesOf(webhook.id, "?status=succeeded")).toHaveLength(1);
  });

  it("marks a delivery failed once the retries run out", async () => {
    const webhook = await subscribe();
    receiver.answers.push(...Array.from({ length: 20 }, () => 500));
    await queueInTransaction([transferred()]);
    const [queued] = await deliveriesOf(webhook.id);
    if (!queued) throw new Error("nothing was queued");
    const started = clock.now();

    const done = await runUntil(queued.id, (current) => current.status !== "pending");
    // The first attempt and the queue's 8 retries, over about an hour.
    expect(done).toMatchObject({
      status: "failed",
      attemptCount: 9,
      lastResponseStatus: 500,
      nextAttemptAt: null,
    });
    expect(receiver.received).toHaveLength(9);
    expect(clock.now() - started).toBeGreaterThan(40 * 60 * 1000);
    expect(await deliveriesOf(webhook.id, "?status=failed")).toEqual([
      expect.objectContaining({ id: queued.id }),
    ]);
    expect(await deliveriesOf(webhook.id, "?status=pending")).toEqual([]);
  });

  it("cancels pending deliveries when the subscription is disabled, and sends nothing for a deleted one", async () => {
    const disabledLater = await subscribe();
    const deletedLater = await subscribe();
    receiver.answers.push(500, 500);
    await queueInTransaction([transferred()]);
    const [cancelled] = await deliveriesOf(disabledLater.id);
    const [orphan] = await deliveriesOf(deletedLater.id);
    if (!cancelled || !orphan) throw new Error("nothing was queued");
    await runUntil(cancelled.id, (current) => current.attemptCount >= 1);
    await runUntil(orphan.id, (current) => current.attemptCount >= 1);

    const disabled = await server.request(organization.adminKey, {
      method: "PATCH",
      url: `/v1/webhooks/${disabledLater.id}`,
      payload: { enabled: false },
    });
    expect(disabled.statusCode).toBe(200);
    expect(await delivery(cancelled.id)).toMatchObject({ status: "cancelled", attemptCount: 1 });
    await server.request(organization.adminKey, { method: "DELETE", url: `/v1/webhooks/${deletedLater.id}` });

    // The retries still run, find nothing to send, and end.
    const retries = await server.jobs.findJobs(queueNames.webhookDelivery);
    const latest = Math.max(
      ...retries.filter((job) => job.state === "retry").map((job) => new Date(job.startAfter).getTime()),
    );
    await clock.setTime(latest + 1_000);
    wakeWorkers();
    for (const id of [cancelled.id, orphan.id]) {
      await expect
        .poll(async () => (await server.jobs.findJobs(queueNames.webhookDelivery, { id }))[0]?.state)
        .toBe("completed");
    }
    expect(receiver.received).toHaveLength(2);
    expect(await delivery(cancelled.id)).toMatchObject({ status: "cancelled", attemptCount: 1 });
  });

  it("sends a webhook.test ping on request, even to a disabled subscription", async () => {
    const webhook = await subscribe({ enabled: false });
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/webhooks/${webhook.id}/test`,
    });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toMatchObject({
      eventType: "webhook.test",
      status: "pending",
      conversationId: null,
    });
    const done = await runUntil(response.json().id, (current) => current.status === "succeeded");
    expect(done.payload).toMatchObject({
      type: "webhook.test",
      conversationId: null,
      data: { webhookId: webhook.id },
    });
    expect(receiver.received[0]?.headers["x-parley-event"]).toBe("webhook.test");
    expect(receiver.received[0]?.matchedSecret).toBe(0);
  });

  it("signs with both secrets while a rotated-out one is still valid", async () => {
    const webhook = await subscribe();
    const rotated = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/webhooks/${webhook.id}/rotate-secret`,
      payload: { previousSecretExpiresInSeconds: 3600 },
    });
    const newSecret: string = rotated.json().secret;
    // A receiver that has not switched yet, then one that has.
    for (const secrets of [[webhook.secret], [newSecret]]) {
      receiver.secrets = secrets;
      receiver.received.length = 0;
      const ping = await server.request(organization.adminKey, {
        method: "POST",
        url: `/v1/webhooks/${webhook.id}/test`,
      });
      await runUntil(ping.json().id, (current) => current.status === "succeeded");
      expect(receiver.received[0]?.headers["x-parley-signature"]).toMatch(
        /^v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/,
      );
      expect(receiver.received[0]?.matchedSecret).toBe(0);
    }
    receiver.secrets = ["whsec_not-the-secret"];
    receiver.received.length = 0;
    const ping = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/webhooks/${webhook.id}/test`,
    });
    await runUntil(ping.json().id, (current) => current.status === "succeeded");
    expect(receiver.received[0]?.matchedSecret).toBe(-1);
  });

  it("queues text jsonb refuses (NUL, unpaired surrogates) without failing the transaction", async () => {
    const webhook = await subscribe({ events: ["message.created"] });
    await queueInTransaction([messageCreated(randomUUID(), "nul\u0000 and \ud800 alone")]);
    const [queued] = await deliveriesOf(webhook.id);
    if (!queued) throw new Error("nothing was queued");
    const done = await runUntil(queued.id, (current) => current.status === "succeeded");
    expect(done.payload.data.message.body.text).toBe("nul and \ufffd alone");
    expect(receiver.received[0]?.json.data.message.body.text).toBe("nul and \ufffd alone");
    expect(receiver.received[0]?.matchedSecret).toBe(0);
  });

  it("pages the log newest first", async () => {
    const webhook = await subscribe({ events: ["message.created"] });
    const conversationId = randomUUID();
    await queueInTransaction(["one", "two", "three"].map((text) => messageCreated(conversationId, text)));
    const first = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/webhooks/${webhook.id}/deliveries?limit=2`,
    });
    const page = first.json();
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const rest = await deliveriesOf(webhook.id, `?limit=2&cursor=${page.nextCursor}`);
    const all = [...page.data, ...rest];
    const texts = await Promise.all(
      all.map(async (item: Delivery) => (await delivery(item.id)).payload.data.message.body.text),
    );
    expect(texts).toEqual(["three", "two", "one"]);
    expect(new Set(all.map((item: Delivery) => item.eventId)).size).toBe(3);
  });
});
