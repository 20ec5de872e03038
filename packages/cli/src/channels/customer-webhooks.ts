import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import twilio from "twilio";

export const simulatedProviders = ["twilio", "meta", "messagebird"] as const;
export type SimulatedProvider = (typeof simulatedProviders)[number];
export type SimulatedKind = "sms" | "whatsapp";

/** What the simulated customer sends: a line of text, or a tap on one of Meta's buttons or list rows. */
export type CustomerContent =
  | { type: "text"; text: string }
  | { type: "choice"; reply: "button_reply" | "list_reply"; id: string; title: string; description?: string };

/** The connection as the simulator made it, with the secrets it chose (the server never returns them). */
export interface SimulatedConnection {
  provider: SimulatedProvider;
  kind: SimulatedKind;
  /** The business's address: an E.164 number (Twilio), a phone number id (Meta), a channel id (MessageBird). */
  address: string;
  credentials: Record<string, string>;
  webhookUrl: string;
}

/** A request as the provider would send it to Parley's webhook. */
export interface SignedWebhook {
  headers: Record<string, string>;
  body: string;
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

function randomDigits(count: number): string {
  return Array.from(randomBytes(count), (byte) => String(byte % 10)).join("");
}

/**
 * Fresh credentials and a business address for a throw-away connection, in the formats each
 * provider uses, so the server's checks of addresses and ids see what they would in production.
 */
export function newConnectionSecrets(provider: SimulatedProvider): {
  address: string;
  credentials: Record<string, string>;
} {
  switch (provider) {
    case "twilio":
      return {
        address: `+1555${randomDigits(7)}`,
        credentials: { accountSid: `AC${randomHex(16)}`, authToken: randomHex(16) },
      };
    case "meta":
      return {
        address: `1${randomDigits(14)}`,
        credentials: {
          accessToken: `EAA${randomHex(24)}`,
          appSecret: randomHex(16),
          verifyToken: randomHex(8),
        },
      };
    case "messagebird":
      return {
        address: randomHex(16),
        credentials: { accessKey: randomHex(12), signingKey: randomHex(16) },
      };
  }
}

/**
 * A Twilio messaging webhook: the form Twilio posts for an incoming SMS or WhatsApp message,
 * signed in `X-Twilio-Signature` with the Auth Token over the webhook URL and every field.
 */
export function twilioWebhook(
  connection: SimulatedConnection,
  customer: string,
  content: CustomerContent,
): SignedWebhook {
  const whatsapp = connection.kind === "whatsapp";
  const prefix = whatsapp ? "whatsapp:" : "";
  const messageSid = `SM${randomHex(16)}`;
  const form: Record<string, string> = {
    MessageSid: messageSid,
    SmsMessageSid: messageSid,
    SmsSid: messageSid,
    SmsStatus: "received",
    AccountSid: connection.credentials.accountSid ?? "",
    From: `${prefix}${customer}`,
    To: `${prefix}${connection.address}`,
    Body: content.type === "text" ? content.text : content.title,
    NumMedia: "0",
    NumSegments: "1",
    ApiVersion: "2010-04-01",
    ...(whatsapp ? { ProfileName: "Simulated customer", WaId: customer.replace(/^\+/, "") } : {}),
  };
  const signature = twilio.getExpectedTwilioSignature(
    connection.credentials.authToken ?? "",
    connection.webhookUrl,
    form,
  );
  return {
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature,
      "i-twilio-idempotency-token": randomUUID(),
    },
    body: new URLSearchParams(form).toString(),
  };
}

function metaMessageContent(content: CustomerContent): Record<string, unknown> {
  if (content.type === "text") return { type: "text", text: { body: content.text } };
  const reply = {
    id: content.id,
    title: content.title,
    ...(content.description ? { description: content.description } : {}),
  };
  return { type: "interactive", interactive: { type: content.reply, [content.reply]: reply } };
}

/**
 * A WhatsApp Cloud API notification for one incoming message, signed in `X-Hub-Signature-256`
 * with the app secret over the raw body.
 */
export function metaWebhook(
  connection: SimulatedConnection,
  customer: string,
  content: CustomerContent,
  now: number,
): SignedWebhook {
  const whatsappId = customer.replace(/^\+/, "");
  const notification = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: randomDigits(15),
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550000000", phone_number_id: connection.address },
              contacts: [{ profile: { name: "Simulated customer" }, wa_id: whatsappId }],
              messages: [
                {
                  from: whatsappId,
                  id: `wamid.${randomBytes(24).toString("base64url")}`,
                  timestamp: String(Math.floor(now / 1000)),
                  ...metaMessageContent(content),
                },
              ],
            },
          },
        ],
      },
    ],
  };
  const body = JSON.stringify(notification);
  const digest = createHmac("sha256", connection.credentials.appSecret ?? "")
    .update(body)
    .digest("hex");
  return {
    headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${digest}` },
    body,
  };
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** How long MessageBird's signature tokens stay valid: the verifier allows 5 s of drift on top. */
const tokenLifetimeSeconds = 60;

/**
 * A MessageBird Conversations API `message.created` event, signed in `MessageBird-Signature-JWT`:
 * an HS256 token from the signing key whose claims hash the webhook URL and the body.
 */
export async function messagebirdWebhook(
  connection: SimulatedConnection,
  customer: string,
  content: CustomerContent,
  now: number,
): Promise<SignedWebhook> {
  const msisdn = customer.replace(/^\+/, "");
  const conversationId = randomHex(16);
  const contactId = randomHex(16);
  const createdDatetime = new Date(now).toISOString();
  const event = {
    type: "message.created",
    contact: { id: contactId, msisdn, displayName: "Simulated customer" },
    conversation: { id: conversationId, contactId, status: "active", createdDatetime },
    message: {
      id: randomHex(16),
      conversationId,
      platform: connection.kind,
      to: connection.address,
      from: msisdn,
      channelId: connection.address,
      type: "text",
      content: { text: content.type === "text" ? content.text : content.title },
      direction: "received",
      status: "received",
      createdDatetime,
      updatedDatetime: createdDatetime,
    },
  };
  const body = JSON.stringify(event);
  const issuedAt = Math.floor(now / 1000);
  const token = await new SignJWT({
    url_hash: sha256Hex(connection.webhookUrl),
    payload_hash: sha256Hex(body),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("MessageBird")
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + tokenLifetimeSeconds)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(connection.credentials.signingKey ?? ""));
  return {
    headers: { "content-type": "application/json", "messagebird-signature-jwt": token },
    body,
  };
}

/** The customer's message as `connection.provider` would post it to Parley, signed. */
export async function customerWebhook(
  connection: SimulatedConnection,
  customer: string,
  content: CustomerContent,
  now: number,
): Promise<SignedWebhook> {
  switch (connection.provider) {
    case "twilio":
      return twilioWebhook(connection, customer, content);
    case "meta":
      return metaWebhook(connection, customer, content, now);
    case "messagebird":
      return messagebirdWebhook(connection, customer, content, now);
  }
}
