import type { Assistant } from "@parley/model";
import { afterEach, describe, expect, it } from "vitest";
import {
  activityOf,
  type ChannelFixture,
  connectTutorial,
  conversationsOf,
  deliveriesOf,
  transcriptOf,
} from "../../../test/channel-conversations.ts";
import { type MetaProvider, startMetaProvider } from "../../../test/providers/meta-provider.ts";
import {
  createTestServer,
  type TestServer,
  type TestServerOptions,
  testDatabases,
} from "../../../test/test-server.ts";
import { signIn } from "../../agents/agent-test-support.ts";
import { eventually } from "../../conversations/test-setup.ts";

const phoneNumberId = "109876543210987";
const accessToken = "EAAJ-access-token-for-tests";
const appSecret = "meta-app-secret-for-tests";
const verifyToken = "parley-verify-token";
const customer = "+34612345678";
const otherCustomer = "+447700900123";
const hour = 60 * 60 * 1000;

/**
 * The stock tutorial asks for the team with a numbered text menu on every WhatsApp channel
 * (spec 13; its attribute question is chat only). Navigation buttons are WhatsApp's native
 * choice, so this asks the same question with them: four options, which Meta shows as a list.
 */
function nativeTeamQuestion(definition: Assistant): void {
  const askForTeam = definition.dialogs.find((dialog) => dialog.id === "ask-for-team");
  if (!askForTeam) throw new Error("the tutorial has no ask-for-team dialog");
  askForTeam.interactions = [];
  askForTeam.end = {
    id: "ask-for-team-buttons",
    kind: "navigation_buttons",
    prompt: "Thanks! Which team would you like to talk to?",
    buttons: [
      { id: "team-cx", label: "Customer experience", dialogId: "transfer-to-cx" },
      { id: "team-sales", label: "Sales", dialogId: "transfer-to-sales" },
      { id: "team-shipping", label: "Shipping", dialogId: "transfer-to-shipping" },
      { id: "team-other", label: "Something else", dialogId: "complete-assistant" },
    ],
  };
}

describe.each(testDatabases)("WhatsApp through Meta's Cloud API on %s", (kind) => {
  let server: TestServer;
  let meta: MetaProvider;
  let fixture: ChannelFixture;

  async function start(options: TestServerOptions = {}, change?: (definition: Assistant) => void) {
    server = await createTestServer(kind, options);
    const baseUrl = await server.listen();
    meta = await startMetaProvider({
      phoneNumberId,
      accessToken,
      appSecret,
      templates: [{ name: "conversation_follow_up", language: "en_US", bodyParameters: 1 }],
    });
    fixture = await connectTutorial(server, baseUrl, {
      channel: "whatsapp",
      connection: {
        provider: "meta",
        kind: "whatsapp",
        address: phoneNumberId,
        credentials: { accessToken, appSecret, verifyToken },
        apiBaseUrl: meta.url,
      },
      ...(change ? { change } : {}),
    });
  }

  afterEach(async () => {
    await server?.close();
    await meta?.close();
  });

  /** The customer writes, gives a name and is asked for a team; returns the team question. */
  async function upToTeamQuestion() {
    const first = await meta.sendInbound(fixture.webhookUrl, {
      type: "text",
      from: customer,
      profileName: "Ana López",
      text: "Hola",
    });
    expect(first.status).toBe(200);
    const [welcome, askName] = await meta.waitForMessages(2);
    expect(welcome).toMatchObject({ to: "34612345678", type: "text" });
    expect(welcome?.text).toContain("I'm a bot");
    expect(askName?.text).toBe("First, what's your name?");
    await meta.sendInbound(fixture.webhookUrl, { type: "text", from: customer, text: "Ana" });
    const question = (await meta.waitForMessages(3))[2];
    return question;
  }

  async function agentReplies(conversationId: string, text: string) {
    const agent = await signIn(server, fixture.organization, "agent");
    const reply = await agent.request({
      method: "POST",
      url: `/v1/conversations/${conversationId}/replies`,
      payload: { text },
    });
    expect(reply.statusCode).toBe(202);
  }

  it("answers Meta's verification handshake with the challenge, and refuses a wrong verify token", async () => {
    await start();
    expect(await meta.verify(fixture.webhookUrl, verifyToken, "1158201444")).toEqual({
      status: 200,
      body: "1158201444",
    });
    const wrong = await meta.verify(fixture.webhookUrl, "not-the-token", "1158201444");
    expect(wrong.status).toBe(403);
    expect(wrong.body).not.toContain("1158201444");
  }, 60_000);

  it("runs the tutorial: the team question as a native list answered by a tap, a transfer and an agent's reply", async () => {
    await start({}, nativeTeamQuestion);
    const question = await upToTeamQuestion();
    // Four options are more than WhatsApp's three reply buttons: a list.
    expect(question).toMatchObject({
      type: "interactive",
      text: "Thanks! Which team would you like to talk to?",
      listButton: "Options",
    });
    expect(question?.options.map((option) => option.title)).toEqual([
      "Customer experience",
      "Sales",
      "Shipping",
      "Something else",
    ]);
    const sales = question?.options[1];
    await meta.sendInbound(fixture.webhookUrl, {
      type: "list_reply",
      replyId: sales?.id ?? "",
      title: sales?.title ?? "",
      from: customer,
      replyTo: question?.id,
    });
    const handover = (await meta.waitForMessages(4))[3];
    expect(handover?.text).toBe(
      "Thanks, Ana! I'm connecting you with our sales team. An agent will be with you shortly.",
    );

    const [conversation] = await conversationsOf(server, fixture.connectionId);
    expect(conversation).toMatchObject({
      channel: "whatsapp",
      status: "transferred",
      customerAddress: customer,
    });
    const conversationId = conversation?.id ?? "";
    expect((await transcriptOf(server, conversationId))[0]).toBe("customer: Hola");

    await agentReplies(conversationId, "Hola Ana, soy Sam de *Ventas*.");
    const agentMessage = (await meta.waitForMessages(5))[4];
    expect(agentMessage).toMatchObject({
      to: "34612345678",
      type: "text",
      text: "Hola Ana, soy Sam de *Ventas*.",
    });
    expect(agentMessage?.request.path).toBe(`/v23.0/${phoneNumberId}/messages`);
    expect(agentMessage?.request.headers.authorization).toBe(`Bearer ${accessToken}`);
    const deliveries = await eventually(async () => {
      const rows = await deliveriesOf(server, conversationId);
      return rows.length === 5 && rows.every((row) => row.status === "sent") ? rows : null;
    });
    expect(deliveries.map((row) => row.providerMessageId)).toEqual(meta.sent.map((sent) => sent.id));
  }, 60_000);

  it("takes a team typed as its number instead of tapped in the list", async () => {
    await start({}, nativeTeamQuestion);
    const question = await upToTeamQuestion();
    expect(question?.type).toBe("interactive");
    await meta.sendInbound(fixture.webhookUrl, { type: "text", from: customer, text: "3" });
    const handover = (await meta.waitForMessages(4))[3];
    expect(handover?.text).toBe(
      "Thanks, Ana! I'm connecting you with our shipping team. An agent will be with you shortly.",
    );
    const [conversation] = await conversationsOf(server, fixture.connectionId);
    expect(conversation?.status).toBe("transferred");
    expect(await transcriptOf(server, conversation?.id ?? "")).toContain("customer: 3");
  }, 60_000);

  it("reads a batched delivery: two customers' messages start two conversations and a status updates its message", async () => {
    await start();
    await meta.sendInbound(fixture.webhookUrl, { type: "text", from: customer, text: "Hola" });
    await meta.waitForMessages(2);
    const [first] = await conversationsOf(server, fixture.connectionId);
    const firstId = first?.id ?? "";
    await eventually(async () => (await deliveriesOf(server, firstId))[0]?.status === "sent");
    const welcome = meta.sent[0];

    const batch = await meta.deliver(fixture.webhookUrl, {
      messages: [
        { type: "text", from: otherCustomer, profileName: "Olivia", text: "Hello" },
        { type: "text", from: "+5511987654321", profileName: "João", text: "Oi" },
      ],
      statuses: [{ id: welcome?.id ?? "", status: "delivered", recipientId: customer }],
    });
    expect(batch.status).toBe(200);
    const conversations = await conversationsOf(server, fixture.connectionId);
    expect(conversations.map((conversation) => conversation.customerAddress).sort()).toEqual(
      [customer, otherCustomer, "+5511987654321"].sort(),
    );
    expect((await deliveriesOf(server, firstId))[0]?.status).toBe("delivered");
    await meta.waitForMessages(6);
    expect(new Set(meta.sent.map((sent) => sent.to))).toEqual(
      new Set(["34612345678", "447700900123", "5511987654321"]),
    );
  }, 60_000);

  it("refuses a missing or wrong signature and stores one message for a delivery Meta repeats", async () => {
    await start();
    const missing = await meta.sendInbound(
      fixture.webhookUrl,
      { type: "text", from: customer, text: "Hola" },
      { signature: "missing" },
    );
    expect(missing.status).toBe(401);
    const wrong = await meta.sendInbound(
      fixture.webhookUrl,
      { type: "text", from: customer, text: "Hola" },
      { signature: "wrong" },
    );
    expect(wrong.status).toBe(403);
    expect(await conversationsOf(server, fixture.connectionId)).toEqual([]);
    expect(meta.sent).toEqual([]);

    const id = "wamid.HBgLMzQ2MTIzNDU2NzgVAgASGBQzQUJDREVGMDEyMzQ1Njc4OUFCAA==";
    await meta.sendInbound(fixture.webhookUrl, { type: "text", from: customer, text: "Hola", id });
    await meta.sendInbound(fixture.webhookUrl, { type: "text", from: customer, text: "Hola", id });
    await meta.waitForMessages(2);
    const conversations = await conversationsOf(server, fixture.connectionId);
    expect(conversations).toHaveLength(1);
    expect(
      (await transcriptOf(server, conversations[0]?.id ?? "")).filter((line) => line.startsWith("customer")),
    ).toEqual(["customer: Hola"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(meta.sent).toHaveLength(2);
  }, 60_000);

  it("outside the 24-hour window fails a free-form reply without a template, and sends the configured template", async () => {
    // Ahead of the real time: on PostgreSQL a job queued inside a transaction is stamped by the
    // database's clock, and would not be due before the manual clock passed it.
    const start0 = Date.now() + 7 * 24 * hour;
    await start({ manualClock: true, manualClockStart: start0 });
    const clock = server.clock;
    if (!clock) throw new Error("the manual clock is missing");
    // The stock tutorial: the team menu is numbered text, answered by number.
    expect((await upToTeamQuestion())?.text).toContain("Reply with a number");
    await meta.sendInbound(fixture.webhookUrl, { type: "text", from: customer, text: "2" });
    expect((await meta.waitForMessages(4))[3]?.text).toContain("our sales team");
    const [conversation] = await conversationsOf(server, fixture.connectionId);
    const conversationId = conversation?.id ?? "";

    await clock.setTime(start0 + 25 * hour);
    await agentReplies(conversationId, "Sorry for the wait, Ana.");
    const failure = await eventually(async () => {
      const rows = await activityOf(server, conversationId, "delivery_failed");
      return rows.length > 0 ? rows : null;
    });
    expect(failure[0]?.data).toMatchObject({ reason: expect.stringContaining("24-hour") });
    const failed = (await deliveriesOf(server, conversationId)).at(-1);
    expect(failed).toMatchObject({
      status: "failed",
      error: expect.stringContaining("no approved template"),
    });
    expect(meta.sent).toHaveLength(4);

    const patched = await server.request(fixture.organization.adminKey, {
      method: "PATCH",
      url: `/v1/channel-connections/${fixture.connectionId}`,
      payload: { whatsappTemplate: { name: "conversation_follow_up", language: "en_US" } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().whatsappTemplate).toEqual({ name: "conversation_follow_up", language: "en_US" });

    await clock.setTime(start0 + 26 * hour);
    await agentReplies(conversationId, "We found your order:\nit ships tomorrow.");
    const template = (await meta.waitForMessages(5))[4];
    expect(template).toMatchObject({
      type: "template",
      template: {
        name: "conversation_follow_up",
        language: "en_US",
        parameters: ["We found your order: it ships tomorrow."],
      },
    });
    await eventually(async () => (await deliveriesOf(server, conversationId)).at(-1)?.status === "sent");
  }, 60_000);
});
