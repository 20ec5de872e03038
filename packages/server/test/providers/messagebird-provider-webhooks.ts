import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type {
  InboundMessagebirdMessage,
  MessagebirdProviderOptions,
  MessagebirdStatus,
  WebhookSigning,
} from "./messagebird-provider.ts";

/** MessageBird's side of the webhooks: the signed events it posts to Parley. */

/** MessageBird's ids: 32 lower-case hex digits. */
export function messagebirdId(): string {
  return randomUUID().replaceAll("-", "");
}

const sha256Hex = (data: string) => createHash("sha256").update(data).digest("hex");

/**
 * `MessageBird-Signature-JWT` for a request to `url` with `body`, made with jose as MessageBird
 * makes it: HS256 with the signing key, issuer MessageBird, valid from now for a minute, and the
 * hex SHA-256 of the URL and of the body (left out when the body is empty).
 */
export async function signMessagebirdWebhook(
  signingKey: string,
  url: string,
  body: string,
  signing: WebhookSigning = {},
): Promise<string> {
  const kind = signing.signature ?? "valid";
  const nowSeconds = Math.floor((signing.now ?? Date.now()) / 1000);
  const notBefore =
    kind === "expired" ? nowSeconds - 120 : kind === "not-yet-valid" ? nowSeconds + 60 : nowSeconds;
  const claims: Record<string, string> = { url_hash: sha256Hex(url) };
  if (body !== "") claims.payload_hash = sha256Hex(body);
  const key = new TextEncoder().encode(kind === "wrong-key" ? `${signingKey}-not-this-one` : signingKey);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(kind === "wrong-issuer" ? "SomeoneElse" : "MessageBird")
    .setNotBefore(notBefore)
    .setExpirationTime(notBefore + 60)
    .setJti(randomUUID())
    .sign(key);
}

function contentOf(message: InboundMessagebirdMessage): { type: string; content: Record<string, unknown> } {
  if ("text" in message) return { type: "text", content: { text: message.text } };
  if ("media" in message) {
    const { type, ...media } = message.media;
    return { type, content: { [type]: media } };
  }
  if ("location" in message) return { type: "location", content: { location: message.location } };
  return { type: message.type, content: message.content };
}

/** MessageBird's ids for the customer's contact and conversation on this channel, stable per number. */
function idsOf(options: MessagebirdProviderOptions, msisdn: string) {
  const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);
  return { contactId: hash(msisdn), conversationId: hash(`${options.channelId}:${msisdn}`) };
}

/**
 * A `message.created` webhook body as MessageBird documents it. The customer's number is
 * written as WhatsApp writes it ("+31…") or as SMS does (bare digits), so parsing meets both.
 */
export function messageCreatedEvent(options: MessagebirdProviderOptions, message: InboundMessagebirdMessage) {
  const created = new Date(message.createdAt ?? Date.now()).toISOString();
  const msisdn = message.from.replace(/^\+/, "");
  const platform = options.platform ?? "whatsapp";
  const customer = platform === "whatsapp" ? `+${msisdn}` : msisdn;
  const business = options.channelNumber ?? options.channelId;
  const received = (message.direction ?? "received") === "received";
  const { contactId, conversationId } = idsOf(options, msisdn);
  const dates = { createdDatetime: created, updatedDatetime: created };
  const contact = { id: contactId, href: "", msisdn: Number(msisdn), firstName: "", lastName: "" };
  return {
    type: "message.created",
    contact: {
      ...contact,
      displayName: message.displayName ?? msisdn,
      customDetails: {},
      attributes: {},
      ...dates,
    },
    conversation: {
      id: conversationId,
      contactId,
      status: "active",
      ...dates,
      lastReceivedDatetime: created,
      lastUsedChannelId: options.channelId,
      messages: {
        totalCount: 1,
        href: `https://conversations.messagebird.com/v1/conversations/${conversationId}/messages`,
      },
    },
    message: {
      id: message.id ?? messagebirdId(),
      conversationId,
      platform,
      to: received ? business : customer,
      from: received ? customer : business,
      channelId: message.channelId ?? options.channelId,
      ...contentOf(message),
      direction: received ? "received" : "sent",
      status: received ? "received" : "pending",
      ...dates,
    },
  };
}

/** A `message.updated` webhook body: the status of a message the business sent. */
export function messageUpdatedEvent(options: MessagebirdProviderOptions, status: MessagebirdStatus) {
  const now = new Date().toISOString();
  const msisdn = (status.to ?? "+31612345678").replace(/^\+/, "");
  const { contactId, conversationId } = idsOf(options, msisdn);
  return {
    type: "message.updated",
    conversation: { id: conversationId, contactId, status: "active" },
    message: {
      id: status.messageId,
      conversationId,
      platform: options.platform ?? "whatsapp",
      to: msisdn,
      from: options.channelNumber ?? options.channelId,
      channelId: options.channelId,
      type: "text",
      content: {},
      direction: "sent",
      status: status.status,
      createdDatetime: now,
      updatedDatetime: now,
      ...(status.error === undefined ? {} : { error: status.error }),
    },
  };
}
