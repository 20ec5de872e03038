import type { TestClock } from "pg-boss";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type ChannelFixture,
  connectTutorial,
  conversationsOf,
  deliveriesOf,
  publishTutorial,
  retrySendsUntil,
} from "../../../test/channel-conversations.ts";
import { driverNames, type ProviderDriver, startDriver } from "../../../test/providers/provider-drivers.ts";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { signIn } from "../../agents/agent-test-support.ts";
import { eventually } from "../../conversations/test-setup.ts";

const customer = "+15557770101";
const minute = 60_000;

/**
 * The journey issue 15 asks of every provider, on the virtual clock: a customer's message starts the
 * assistant the number's rule picks, a reminder fires while they are quiet, the numbered menu is answered
 * by number, the conversation is transferred, and an agent's reply goes out although the provider's first
 * answer to it never comes (the send times out and is retried, and reaches the customer once).
 */
describe.each(testDatabases)("every provider on %s", (kind) => {
  describe.each(driverNames)("%s", (name) => {
    let server: TestServer;
    let clock: TestClock;
    let driver: ProviderDriver;
    let fixture: ChannelFixture;

    beforeEach(async () => {
      // A day ahead of the real time: PostgreSQL stamps jobs queued in a turn with its own clock.
      server = await createTestServer(kind, {
        manualClock: true,
        manualClockStart: Date.now() + 24 * 60 * minute,
        channelSendTimeoutMilliseconds: 500,
      });
      clock = server.clock as TestClock;
      const baseUrl = await server.listen();
      driver = await startDriver(name);
      fixture = await connectTutorial(server, baseUrl, {
        channel: driver.channel,
        connection: driver.connection,
      });
      const ruleAssistant = await publishTutorial(
        server,
        fixture.organization.id,
        driver.channel,
        (definition) => {
          const welcome = definition.dialogs[0]?.interactions[0];
          if (welcome?.kind === "send_message") welcome.text = "Welcome to the priority line!";
          definition.settings.volumeControl.reminder = {
            ...definition.settings.volumeControl.reminder,
            enabled: true,
            afterMinutes: 5,
          };
        },
      );
      const rule = await server.request(fixture.organization.adminKey, {
        method: "POST",
        url: "/v1/rules",
        payload: {
          name: "Priority line",
          channel: driver.channel,
          assistantId: ruleAssistant,
          ...driver.ruleTarget,
        },
      });
      expect(rule.statusCode).toBe(201);
    }, 60_000);
    afterEach(async () => {
      await server.close();
      await driver.close();
    });

    it("runs the rule's assistant with a reminder, a menu answered by number, a transfer and an agent's reply", async () => {
      expect(await driver.send(fixture.webhookUrl, customer, "Hello")).toBe(200);
      expect(await driver.waitForMessages(2, 15_000)).toEqual([
        "Welcome to the priority line!",
        "First, what's your name?",
      ]);

      await clock.setTime(clock.now() + 6 * minute);
      await clock.tick(1_000);
      const reminded = await driver.waitForMessages(3, 15_000);
      expect(reminded[2]).toBe("Are you still there?");

      const before = driver.sentTexts().length;
      await driver.send(fixture.webhookUrl, customer, "Ana");
      const menu = (await driver.waitForMessages(before + 1, 15_000))[before];
      expect(menu).toContain("Reply with a number");
      await driver.send(fixture.webhookUrl, customer, "3");
      const handover = await eventually(
        async () => driver.sentTexts().find((text) => text.includes("shipping team")),
        15_000,
      );
      expect(handover).toBe(
        "Thanks, Ana! I'm connecting you with our shipping team. An agent will be with you shortly.",
      );

      const [conversation] = await conversationsOf(server, fixture.connectionId);
      expect(conversation).toMatchObject({ status: "transferred", channel: driver.channel });
      const id = conversation?.id ?? "";

      driver.hangNext(1);
      const agent = await signIn(server, fixture.organization, "agent");
      const reply = await agent.request({
        method: "POST",
        url: `/v1/conversations/${id}/replies`,
        payload: { text: "Hi Ana, Sam from Shipping here." },
      });
      expect(reply.statusCode).toBe(202);
      await retrySendsUntil(server, id, async () =>
        (await deliveriesOf(server, id)).every((row) => row.status === "sent"),
      );
      const deliveries = await deliveriesOf(server, id);
      expect(deliveries.at(-1)).toMatchObject({ status: "sent", attempts: 2 });
      expect(driver.sentTexts().filter((text) => text === "Hi Ana, Sam from Shipping here.")).toHaveLength(1);
    });
  });
});
