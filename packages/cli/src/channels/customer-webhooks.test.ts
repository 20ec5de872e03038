import { createHmac } from "node:crypto";
import { jwtVerify } from "jose";
import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { messagingAdapters } from "../../../server/src/channels/messaging/adapters.ts";
import type {
  ConnectionForAdapter,
  ReceivedWebhook,
} from "../../../server/src/channels/messaging/messaging-adapter.ts";
import {
  type CustomerContent,
  customerWebhook,
  newConnectionSecrets,
  type SimulatedConnection,
  type SimulatedKind,
  type SimulatedProvider,
} from "./customer-webhooks.ts";

const customer = "+15557778888";
const now = Date.UTC(2026, 11, 7, 12, 0, 0);

function connectionOf(provider: SimulatedProvider, kind: SimulatedKind): SimulatedConnection {
  return {
    provider,
    kind,
    ...newConnectionSecrets(provider),
    webhookUrl: `http://127.0.0.1:3000/v1/channels/${provider}/6f1c1f43-5a59-4e52-9a8c-0d6c3b0c4d11/webhook`,
  };
}

/** The request as Parley's webhook route hands it to the provider's adapter. */
function received(
  connection: SimulatedConnection,
  headers: Record<string, string>,
  body: string,
): ReceivedWebhook {
  return { method: "POST", url: connection.webhookUrl, headers, rawBody: Buffer.from(body), query: {} };
}

function adapterConnection(connection: SimulatedConnection): ConnectionForAdapter {
  return {
    id: "6f1c1f43-5a59-4e52-9a8c-0d6c3b0c4d11",
    provider: connection.provider,
    kind: connection.kind,
    address: connection.address,
    apiBaseUrl: "http://127.0.0.1:9",
    credentials: connection.credentials,
  };
}

const cases: Array<[SimulatedProvider, SimulatedKind]> = [
  ["twilio", "sms"],
  ["twilio", "whatsapp"],
  ["meta", "whatsapp"],
  ["messagebird", "sms"],
  ["messagebird", "whatsapp"],
];

describe("the simulated customer's webhooks", () => {
  it.each(cases)(
    "%s %s: Parley's adapter accepts the signature and reads the customer's text",
    async (provider, kind) => {
      const connection = connectionOf(provider, kind);
      const signed = await customerWebhook(connection, customer, { type: "text", text: "Hi, it's Ana" }, now);
      const webhook = received(connection, signed.headers, signed.body);
      const adapter = messagingAdapters[provider];
      expect(adapter.verify(webhook, adapterConnection(connection), now)).toEqual({ ok: true });
      const parsed = adapter.parse(webhook, adapterConnection(connection));
      expect(parsed.messages).toHaveLength(1);
      expect(parsed.messages[0]?.from).toBe(customer);
      expect(parsed.messages[0]?.content).toEqual({ type: "text", text: "Hi, it's Ana" });
    },
  );

  it.each(cases)("%s %s: a webhook signed with other credentials is refused", async (provider, kind) => {
    const connection = connectionOf(provider, kind);
    const signed = await customerWebhook(
      connectionOf(provider, kind),
      customer,
      { type: "text", text: "Hi" },
      now,
    );
    const verification = messagingAdapters[provider].verify(
      received(connection, signed.headers, signed.body),
      adapterConnection(connection),
      now,
    );
    expect(verification.ok).toBe(false);
  });

  it("Twilio: X-Twilio-Signature validates with the twilio package over the URL and every field", async () => {
    const connection = connectionOf("twilio", "whatsapp");
    const signed = await customerWebhook(connection, customer, { type: "text", text: "Olá 👋" }, now);
    const form = Object.fromEntries(new URLSearchParams(signed.body));
    const signature = signed.headers["x-twilio-signature"] ?? "";
    const authToken = connection.credentials.authToken ?? "";
    expect(twilio.validateRequest(authToken, signature, connection.webhookUrl, form)).toBe(true);
    expect(form).toMatchObject({ From: `whatsapp:${customer}`, WaId: "15557778888", Body: "Olá 👋" });
    expect(form.MessageSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.validateRequest(authToken, signature, `${connection.webhookUrl}?x=1`, form)).toBe(false);
  });

  it("Meta: X-Hub-Signature-256 is the HMAC-SHA256 of the raw body with the app secret", async () => {
    const connection = connectionOf("meta", "whatsapp");
    const signed = await customerWebhook(connection, customer, { type: "text", text: "Hi" }, now);
    const expected = createHmac("sha256", connection.credentials.appSecret ?? "")
      .update(signed.body)
      .digest("hex");
    expect(signed.headers["x-hub-signature-256"]).toBe(`sha256=${expected}`);
    const message = JSON.parse(signed.body).entry[0].changes[0].value.messages[0];
    expect(message).toMatchObject({ from: "15557778888", timestamp: String(now / 1000), type: "text" });
  });

  it("Meta: a tapped button or list row arrives as the interactive reply Meta sends", async () => {
    const connection = connectionOf("meta", "whatsapp");
    const taps: CustomerContent[] = [
      { type: "choice", reply: "button_reply", id: "sales", title: "Sales" },
      { type: "choice", reply: "list_reply", id: "cx", title: "CX", description: "Orders and returns" },
    ];
    for (const tap of taps) {
      const signed = await customerWebhook(connection, customer, tap, now);
      const parsed = messagingAdapters.meta.parse(
        received(connection, signed.headers, signed.body),
        adapterConnection(connection),
      );
      expect(parsed.messages[0]?.content).toMatchObject({
        type: "choice",
        optionId: tap.type === "choice" ? tap.id : "",
      });
    }
  });

  it("MessageBird: the JWT is HS256 from MessageBird, binding the URL and the body, valid for a minute", async () => {
    const connection = connectionOf("messagebird", "whatsapp");
    const signed = await customerWebhook(connection, customer, { type: "text", text: "Hi" }, now);
    const token = signed.headers["messagebird-signature-jwt"] ?? "";
    const { payload, protectedHeader } = await jwtVerify(
      token,
      new TextEncoder().encode(connection.credentials.signingKey),
      { issuer: "MessageBird", currentDate: new Date(now) },
    );
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload.exp).toBe(now / 1000 + 60);
    const verify = messagingAdapters.messagebird.verify;
    const webhook = received(connection, signed.headers, signed.body);
    expect(verify(webhook, adapterConnection(connection), now + 120_000).ok).toBe(false);
    expect(
      verify({ ...webhook, rawBody: Buffer.from(`${signed.body} `) }, adapterConnection(connection), now).ok,
    ).toBe(false);
  });
});
