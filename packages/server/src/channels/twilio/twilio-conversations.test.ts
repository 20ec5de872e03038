import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  activityOf,
  type ChannelFixture,
  connectTutorial,
  conversationsOf,
  deliveriesOf,
  transcriptOf,
} from "../../../test/channel-conversations.ts";
import { startTwilioProvider, type TwilioProvider } from "../../../test/providers/twilio-provider.ts";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { signIn } from "../../agents/agent-test-support.ts";
import { eventually } from "../../conversations/test-setup.ts";
import { channelConnections } from "../../database/schema/index.ts";

const accountSid = `AC${"1".repeat(32)}`;
const authToken = "twilio-auth-token-for-tests";
const business = "+15550001111";
const customer = "+15557778888";

describe.each(testDatabases)("SMS through Twilio on %s", (kind) => {
  let server: TestServer;
  let twilio: TwilioProvider;
  let fixture: ChannelFixture;

  beforeEach(async () => {
    server = await createTestServer(kind);
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
    });
  }, 60_000);
  afterEach(async () => {
    await server.close();
    await twilio.close();
  });

  it("runs the tutorial by SMS: menus answered by number, a transfer, and an agent's reply sent by Twilio", async () => {
    const first = await twilio.sendInbound(fixture.webhookUrl, {
      from: customer,
      to: business,
      body: "Hi there",
    });
    expect(first.status).toBe(200);
    expect(first.contentType).toContain("text/xml");

    const [welcome, askName] = await twilio.waitForMessages(2);
    expect(welcome?.to).toBe(customer);
    expect(welcome?.from).toBe(business);
    expect(welcome?.body).toContain("I'm a bot");
    expect(askName?.body).toBe("First, what's your name?");

    await twilio.sendInbound(fixture.webhookUrl, { from: customer, to: business, body: "Ana" });
    const menu = (await twilio.waitForMessages(3))[2];
    expect(menu?.body).toContain("Reply with a number");

    await twilio.sendInbound(fixture.webhookUrl, { from: customer, to: business, body: "2" });
    const handover = (await twilio.waitForMessages(4))[3];
    expect(handover?.body).toBe(
      "Thanks, Ana! I'm connecting you with our sales team. An agent will be with you shortly.",
    );

    const [conversation] = await conversationsOf(server, fixture.connectionId);
    expect(conversation).toMatchObject({ channel: "sms", status: "transferred", customerAddress: customer });
    expect((await transcriptOf(server, conversation?.id ?? ""))[0]).toBe("customer: Hi there");

    const agent = await signIn(server, fixture.organization, "agent");
    const reply = await agent.request({
      method: "POST",
      url: `/v1/conversations/${conversation?.id}/replies`,
      payload: { text: "Hello Ana, this is Sam from Sales." },
    });
    expect(reply.statusCode).toBe(202);
    const agentMessage = (await twilio.waitForMessages(5))[4];
    expect(agentMessage?.body).toBe("Hello Ana, this is Sam from Sales.");
    expect(agentMessage?.statusCallback).toBe(fixture.webhookUrl);

    // Twilio reports the agent's message delivered once Parley has recorded it as sent.
    await eventually(async () => (await deliveriesOf(server, conversation?.id ?? ""))[4]?.status === "sent");
    await twilio.reportStatus(agentMessage?.sid ?? "", "delivered");
    const deliveries = await eventually(async () => {
      const rows = await deliveriesOf(server, conversation?.id ?? "");
      return rows.length === 5 && rows.every((row) => row.status !== "pending") ? rows : null;
    });
    expect(deliveries.map((row) => row.status)).toEqual(["sent", "sent", "sent", "sent", "delivered"]);
    expect(deliveries[0]?.segments).toBe(1);

    const listed = await fixture.organization
      .keyWith("org.agent")
      .then((key) =>
        server.request(key, { method: "GET", url: `/v1/conversations/${conversation?.id}/deliveries` }),
      );
    expect(listed.json().data).toHaveLength(5);
  });

  it("stores a message Twilio delivers twice once, and sends nothing again for the retry", async () => {
    const messageSid = `SM${"a".repeat(32)}`;
    await twilio.sendInbound(fixture.webhookUrl, { from: customer, to: business, body: "Hi", messageSid });
    await twilio.sendInbound(fixture.webhookUrl, { from: customer, to: business, body: "Hi", messageSid });
    await twilio.waitForMessages(2);
    const conversations = await conversationsOf(server, fixture.connectionId);
    expect(conversations).toHaveLength(1);
    expect(await transcriptOf(server, conversations[0]?.id ?? "")).toEqual([
      "customer: Hi",
      expect.stringContaining("assistant: Hi! I'm a bot"),
      "assistant: First, what's your name?",
    ]);
    // Nothing more went out for the retry.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(twilio.sent).toHaveLength(2);
  });

  it("refuses unsigned and wrongly signed webhooks, storing nothing", async () => {
    const missing = await twilio.sendInbound(fixture.webhookUrl, {
      from: customer,
      to: business,
      body: "Hi",
      signature: "missing",
    });
    expect(missing.status).toBe(401);
    const wrong = await twilio.sendInbound(fixture.webhookUrl, {
      from: customer,
      to: business,
      body: "Hi",
      signature: "wrong",
    });
    expect(wrong.status).toBe(403);
    expect(await conversationsOf(server, fixture.connectionId)).toEqual([]);
  });

  it("answers 200 for a number the connection does not have, and stores nothing", async () => {
    const stray = await twilio.sendInbound(fixture.webhookUrl, {
      from: customer,
      to: "+15559990000",
      body: "Hi",
    });
    expect(stray.status).toBe(200);
    expect(await conversationsOf(server, fixture.connectionId)).toEqual([]);
  });

  it("records a message Twilio refuses as failed on the conversation, without retrying it", async () => {
    twilio.failNext(1, 400);
    await twilio.sendInbound(fixture.webhookUrl, { from: customer, to: business, body: "Hi" });
    const [conversation] = await eventually(() => conversationsOf(server, fixture.connectionId));
    const failures = await eventually(async () => {
      const rows = await activityOf(server, conversation?.id ?? "", "delivery_failed");
      return rows.length > 0 ? rows : null;
    });
    expect(failures[0]?.data).toMatchObject({ sequence: 2, reason: expect.stringContaining("Twilio error") });
    // The next message still goes out.
    const [sent] = await twilio.waitForMessages(1);
    expect(sent?.body).toBe("First, what's your name?");
  });

  it("answers 503 and fails its sends with the reason when the connection's credentials no longer open", async () => {
    await twilio.sendInbound(fixture.webhookUrl, { from: customer, to: business, body: "Hi" });
    await twilio.waitForMessages(2);
    const [conversation] = await conversationsOf(server, fixture.connectionId);
    // As if the server's secret key had changed since they were saved.
    await server.connection.database
      .update(channelConnections)
      .set({ credentials: "sealed:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
      .where(eq(channelConnections.id, fixture.connectionId));
    const refused = await twilio.sendInbound(fixture.webhookUrl, {
      from: customer,
      to: business,
      body: "Ana",
    });
    expect(refused.status).toBe(503);
    expect(refused.body).toContain("credentials_unreadable");

    const agent = await signIn(server, fixture.organization, "agent");
    await agent.request({
      method: "POST",
      url: `/v1/conversations/${conversation?.id}/replies`,
      payload: { text: "Still there?" },
    });
    const failed = await eventually(async () => {
      const rows = await activityOf(server, conversation?.id ?? "", "delivery_failed");
      return rows.length > 0 ? rows : null;
    });
    expect(failed[0]?.data.reason).toContain("cannot be decrypted");
    expect(twilio.sent).toHaveLength(2);
  });
});
