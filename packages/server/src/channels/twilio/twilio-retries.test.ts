import type { TestClock } from "pg-boss";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  activityOf,
  type ChannelFixture,
  connectTutorial,
  conversationsOf,
  deliveriesOf,
  retrySendsUntil,
} from "../../../test/channel-conversations.ts";
import { startTwilioProvider, type TwilioProvider } from "../../../test/providers/twilio-provider.ts";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { eventually } from "../../conversations/test-setup.ts";

const accountSid = `AC${"2".repeat(32)}`;
const authToken = "twilio-auth-token-for-retries";
const business = "+15550002222";
const customer = "+15557779999";
const minute = 60_000;

describe.each(testDatabases)("Twilio sends on the virtual clock on %s", (kind) => {
  let server: TestServer;
  let clock: TestClock;
  let twilio: TwilioProvider;
  let fixture: ChannelFixture;

  beforeEach(async () => {
    server = await createTestServer(kind, {
      manualClock: true,
      manualClockStart: Date.parse("2026-12-08T10:00:00Z"),
    });
    clock = server.clock as TestClock;
    const baseUrl = await server.listen();
    twilio = await startTwilioProvider({ accountSid, authToken });
    fixture = await connectTutorial(server, baseUrl, {
      channel: "sms",
      connection: {
        provider: "twilio",
        kind: "sms",
        address: business,
        credentials: { accountSid, authToken },
        apiBaseUrl: twilio.url,
      },
      change: (definition) => {
        definition.settings.volumeControl.reminder = {
          ...definition.settings.volumeControl.reminder,
          enabled: true,
          afterMinutes: 5,
        };
      },
    });
  }, 60_000);
  afterEach(async () => {
    await server.close();
    await twilio.close();
  });

  it("retries an outage with backoff, then records the message as failed, never sending it twice", async () => {
    twilio.failNext(1_000, 503);
    await twilio.sendInbound(fixture.webhookUrl, { from: customer, to: business, body: "Hi" });
    const [conversation] = await eventually(async () => {
      const found = await conversationsOf(server, fixture.connectionId);
      return found.length > 0 ? found : null;
    });
    const id = conversation?.id ?? "";
    const started = clock.now();
    await retrySendsUntil(server, id, async () =>
      (await deliveriesOf(server, id)).every((row) => row.status === "failed"),
    );
    const deliveries = await deliveriesOf(server, id);
    expect(deliveries.map((row) => row.sequence)).toEqual([2, 3]);
    // Nine attempts of the welcome: the first and the queue's eight retries, backing off over minutes.
    expect(deliveries[0]).toMatchObject({ status: "failed", attempts: 9 });
    expect(deliveries[0]?.error).toMatch(/^gave up after 9 attempts: .*503/);
    expect(clock.now() - started).toBeGreaterThan(10 * minute);
    // Later messages wait behind the one failing, so they keep their order; each got the last attempt.
    expect(deliveries[1]).toMatchObject({ status: "failed", attempts: 1 });
    const failures = await activityOf(server, id, "delivery_failed");
    expect(failures.map((row) => row.data.sequence)).toEqual([2, 3]);
    expect(twilio.sent).toEqual([]);
  });

  it("sends the reminder by SMS when the customer goes quiet, after the provider recovers from an error", async () => {
    twilio.failNext(1, 500);
    await twilio.sendInbound(fixture.webhookUrl, { from: customer, to: business, body: "Hi" });
    const [conversation] = await eventually(async () => {
      const found = await conversationsOf(server, fixture.connectionId);
      return found.length > 0 ? found : null;
    });
    const id = conversation?.id ?? "";
    await retrySendsUntil(server, id, async () =>
      (await deliveriesOf(server, id)).every((row) => row.status === "sent"),
    );
    // The welcome's first attempt failed; the retry sent it, once, and the question after it.
    expect(twilio.sent.map((message) => message.body)).toEqual([
      expect.stringContaining("I'm a bot"),
      "First, what's your name?",
    ]);

    await clock.setTime(clock.now() + 6 * minute);
    await clock.tick(1_000);
    const withReminder = await twilio.waitForMessages(3, 15_000);
    expect(withReminder[2]?.to).toBe(customer);
    expect(withReminder[2]?.body).toBe("Are you still there?");
  });
});
