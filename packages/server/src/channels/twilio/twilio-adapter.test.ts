import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTwilioProvider, type TwilioProvider } from "../../../test/providers/twilio-provider.ts";
import {
  type ConnectionForAdapter,
  type ParsedWebhook,
  type ReceivedWebhook,
  WebhookPayloadError,
} from "../messaging/messaging-adapter.ts";
import {
  accountSid,
  authToken,
  businessNumber,
  connectionFor,
  customerNumber,
  inboundSms,
  signedWebhook,
} from "./test-fixtures.ts";
import { twilioAdapter } from "./twilio-adapter.ts";

describe("the Twilio adapter's description", () => {
  it("carries SMS and WhatsApp on Parley's sms and twilio_whatsapp channels", () => {
    expect(twilioAdapter.provider).toBe("twilio");
    expect(twilioAdapter.kinds).toEqual(["sms", "whatsapp"]);
    expect(twilioAdapter.kinds.map((kind) => twilioAdapter.channelOf(kind))).toEqual([
      "sms",
      "twilio_whatsapp",
    ]);
    expect(twilioAdapter.credentialNames).toEqual({ accountSid: "Account SID", authToken: "Auth Token" });
    expect(twilioAdapter.defaultApiBaseUrl).toBe("https://api.twilio.com");
    expect(twilioAdapter.handshake).toBeUndefined();
  });

  it("answers Twilio's webhook with empty TwiML, since replies go through the REST API", () => {
    expect(twilioAdapter.acknowledgement()).toEqual({
      status: 200,
      contentType: "text/xml",
      body: "<Response></Response>",
    });
  });

  it("stamps what it reads with the time it read it", () => {
    const before = Date.now();
    const [message] = twilioAdapter.parse(signedWebhook(inboundSms), connectionFor("sms")).messages;
    expect(message?.receivedAt).toBeGreaterThanOrEqual(before);
    expect(message?.receivedAt).toBeLessThanOrEqual(Date.now());
  });

  it("refuses to read a body that is not a form", () => {
    const json = {
      ...signedWebhook(inboundSms, { contentType: "application/json" }),
      rawBody: Buffer.from("{}"),
    };
    expect(() => twilioAdapter.parse(json, connectionFor("sms"))).toThrow(WebhookPayloadError);
  });
});

/**
 * Parley's side of the webhook as the integrator's route does it: verify, parse, acknowledge.
 * Twilio's side is the local provider, which signs with the SDK over the exact URL.
 */
describe("a conversation between the local Twilio and the adapter", () => {
  let provider: TwilioProvider;
  let receiver: Server;
  let webhookUrl: string;
  let connection: ConnectionForAdapter;
  const parsed: ParsedWebhook[] = [];

  beforeAll(async () => {
    provider = await startTwilioProvider({ accountSid, authToken });
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const webhook: ReceivedWebhook = {
          method: "POST",
          url: new URL(request.url ?? "/", webhookUrl).toString(),
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([name, value]) => [
              name,
              Array.isArray(value) ? value.join(",") : value,
            ]),
          ),
          rawBody: Buffer.concat(chunks),
          query: {},
        };
        const verification = twilioAdapter.verify(webhook, connection, Date.now());
        if (!verification.ok) {
          response.writeHead(verification.status, { "content-type": "text/plain" }).end(verification.reason);
          return;
        }
        parsed.push(twilioAdapter.parse(webhook, connection));
        const answer = twilioAdapter.acknowledgement();
        response.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/channels/twilio/conn_1/webhook?region=us`;
  });
  afterAll(async () => {
    await provider.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });
  beforeEach(() => {
    parsed.length = 0;
    connection = connectionFor("sms", { apiBaseUrl: provider.url });
  });

  it("takes a customer's SMS signed by Twilio and answers with empty TwiML", async () => {
    const answer = await provider.sendInbound(webhookUrl, {
      from: customerNumber,
      to: businessNumber,
      body: "Hola 👋",
    });
    expect(answer).toMatchObject({ status: 200, contentType: "text/xml", body: "<Response></Response>" });
    expect(parsed[0]?.messages).toEqual([
      {
        providerMessageId: answer.fields.MessageSid,
        from: customerNumber,
        to: businessNumber,
        receivedAt: expect.any(Number),
        content: { type: "text", text: "Hola 👋" },
      },
    ]);
  });

  it("takes a WhatsApp photo, button and location with the profile name", async () => {
    connection = connectionFor("whatsapp", { apiBaseUrl: provider.url });
    const from = `whatsapp:${customerNumber}`;
    const photo = { url: "https://api.twilio.com/media/ME1", contentType: "image/jpeg" };
    await provider.sendInbound(webhookUrl, {
      from,
      to: businessNumber,
      body: "Broken",
      media: [photo],
      profileName: "Ana",
    });
    await provider.sendInbound(webhookUrl, {
      from,
      to: businessNumber,
      button: { payload: "agent", text: "Talk to us" },
    });
    await provider.sendInbound(webhookUrl, {
      from,
      to: businessNumber,
      location: { latitude: 40.4168, longitude: -3.7038 },
    });
    expect(parsed.map((result) => result.messages[0]?.content)).toEqual([
      { type: "media", media: [{ url: photo.url, mediaType: "image/jpeg" }], caption: "Broken" },
      { type: "choice", optionId: "agent", label: "Talk to us" },
      { type: "location", latitude: 40.4168, longitude: -3.7038 },
    ]);
    expect(parsed[0]?.messages[0]).toMatchObject({ from: customerNumber, profileName: "Ana" });
  });

  it("refuses unsigned and wrongly signed webhooks before reading them", async () => {
    const message = { from: customerNumber, to: businessNumber, body: "Hi" };
    expect(await provider.sendInbound(webhookUrl, { ...message, signature: "missing" })).toMatchObject({
      status: 401,
    });
    expect(await provider.sendInbound(webhookUrl, { ...message, signature: "wrong" })).toMatchObject({
      status: 403,
    });
    expect(parsed).toEqual([]);
  });

  it("sends a reply through the REST API and reads Twilio's status callbacks about it", async () => {
    const rendered = twilioAdapter.render(
      { kind: "text", text: "Thanks, an agent will write soon." },
      { to: customerNumber, channel: "sms", withinServiceWindow: true },
      connection,
    );
    if ("failure" in rendered) throw new Error(rendered.failure);
    const [part] = rendered.parts;
    if (!part) throw new Error("nothing rendered");
    const target = { to: customerNumber, channel: "sms" as const, withinServiceWindow: true };
    const sent = await twilioAdapter.send(part, target, connection, {
      fetch,
      timeoutMilliseconds: 2000,
      statusCallbackUrl: webhookUrl,
    });
    if (!sent.ok) throw new Error(sent.reason);
    expect(provider.sent[provider.sent.length - 1]).toMatchObject({
      to: customerNumber,
      body: "Thanks, an agent will write soon.",
    });

    await provider.reportStatus(sent.providerMessageId, "sent");
    await provider.reportStatus(sent.providerMessageId, "delivered");
    await provider.reportStatus(sent.providerMessageId, "undelivered", "30005");
    expect(parsed.flatMap((result) => result.statuses)).toEqual([
      { providerMessageId: sent.providerMessageId, status: "sent", at: expect.any(Number) },
      { providerMessageId: sent.providerMessageId, status: "delivered", at: expect.any(Number) },
      {
        providerMessageId: sent.providerMessageId,
        status: "failed",
        at: expect.any(Number),
        error: "Twilio error 30005: Unknown destination handset",
      },
    ]);
  });
});
