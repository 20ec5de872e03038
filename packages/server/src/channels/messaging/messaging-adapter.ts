import type { OutboundMessage } from "@parley/engine";
import type { Channel } from "@parley/model";

/** Who carries the messages. */
export const messagingProviders = ["twilio", "meta", "messagebird"] as const;
export type MessagingProvider = (typeof messagingProviders)[number];

/** What the customer uses. */
export const messagingKinds = ["sms", "whatsapp"] as const;
export type MessagingKind = (typeof messagingKinds)[number];

/**
 * A provider's webhook exactly as it arrived. The raw body is kept because signatures cover
 * the bytes, not a parsed form.
 */
export interface ReceivedWebhook {
  method: "GET" | "POST";
  /**
   * The URL the provider was told to call, as the admin configured it: the server's public
   * address, the path and the query string. Signatures of Twilio and MessageBird cover it.
   */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  /** The query string's parameters (Meta's verification handshake uses them). */
  query: Record<string, string>;
}

/** A channel connection as an adapter sees it, with its credentials already decrypted. */
export interface ConnectionForAdapter {
  id: string;
  provider: MessagingProvider;
  kind: MessagingKind;
  /**
   * The business's address on the provider: an E.164 phone number (Twilio SMS and WhatsApp),
   * Meta's phone number id, or MessageBird's channel id.
   */
  address: string;
  /** Where the provider's API answers; its public address unless the admin points it at a sandbox. */
  apiBaseUrl: string;
  /**
   * Provider credentials. Twilio: accountSid, authToken. Meta: accessToken, appSecret,
   * verifyToken. MessageBird: accessKey, signingKey.
   */
  credentials: Record<string, string>;
  /** Meta only: the approved template sent outside the 24-hour customer-service window. */
  whatsappTemplate?: { name: string; language: string } | undefined;
}

/** A webhook whose signature is missing, wrong or too old: refused, and nothing is stored. */
export type Verification = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** What a customer sent, in Parley's words. */
export type InboundContent =
  | { type: "text"; text: string }
  /** A tapped reply button or list row: the option id Parley gave it, and what it said. */
  | { type: "choice"; optionId: string; label: string }
  | {
      type: "media";
      media: Array<{ url: string; mediaType: string; name?: string }>;
      caption?: string;
    }
  | { type: "location"; latitude: number; longitude: number; label?: string }
  /** Something Parley cannot take (a sticker, a reaction, a contact card), described for the transcript. */
  | { type: "unsupported"; description: string };

export interface InboundCustomerMessage {
  /** The provider's id for the message (Twilio MessageSid, Meta wamid, MessageBird message id). */
  providerMessageId: string;
  /** The customer's address: an E.164 phone number for SMS and WhatsApp, or MessageBird's contact. */
  from: string;
  /** The business address the customer wrote to (phone number, Meta phone number id, channel id). */
  to: string;
  /** The name the customer's WhatsApp profile shows, when the provider sends one. */
  profileName?: string;
  /** Milliseconds since the epoch. */
  receivedAt: number;
  content: InboundContent;
}

export const deliveryStatuses = ["pending", "sent", "delivered", "read", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** A provider telling how a message Parley sent is doing. */
export interface DeliveryStatusUpdate {
  providerMessageId: string;
  status: Exclude<DeliveryStatus, "pending">;
  /** Milliseconds since the epoch. */
  at: number;
  /** Why it failed, in the provider's words (code and title), without personal data. */
  error?: string;
}

export interface ParsedWebhook {
  messages: InboundCustomerMessage[];
  statuses: DeliveryStatusUpdate[];
}

/**
 * A payload that does not have the shape the provider documents: answered with 400 naming the
 * field by JSON pointer (for form bodies, `/FieldName`).
 */
export class WebhookPayloadError extends Error {
  override name = "WebhookPayloadError";
  readonly pointer: string;
  readonly rule: string;

  constructor(pointer: string, rule: string) {
    super(`${pointer} ${rule}`);
    this.pointer = pointer;
    this.rule = rule;
  }
}

/** Where and to whom a message goes. */
export interface SendTarget {
  /** The customer's address as `InboundCustomerMessage.from` gave it. */
  to: string;
  /** The conversation's channel, which decides what the customer's app can show. */
  channel: Channel;
  /** Whether the customer wrote within the last 24 hours (WhatsApp's customer-service window). */
  withinServiceWindow: boolean;
}

/**
 * One request to the provider's sending API. A Parley message can need several: a text longer
 * than the provider takes, or a file and its caption on a channel that cannot send both in one.
 */
export interface OutgoingPart {
  /** The request body as the provider wants it (form fields for Twilio, JSON for Meta and MessageBird). */
  body: Record<string, unknown>;
  /** SMS only: how many segments the text costs (GSM-7 or UCS-2), as the operator bills it. */
  segments?: number;
  /** A short description for the conversation's record: "text, 2 segments", "interactive list". */
  summary: string;
}

/**
 * What a message turned into. `failure` is a message that cannot be sent at all (outside the
 * WhatsApp window with no template), recorded on the conversation instead of dropped.
 */
export type RenderedMessage = { parts: OutgoingPart[] } | { failure: string };

export type SendResult =
  | { ok: true; providerMessageId: string }
  /**
   * `transient`: worth retrying later (a timeout, 429, 5xx); otherwise the provider refused the
   * message for good (a wrong number, bad credentials, a 4xx).
   */
  | { ok: false; transient: boolean; reason: string; status?: number };

/** The answer to the provider's webhook call. */
export interface WebhookAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * One provider's protocol. Everything here is pure except `send`, which takes the fetch to use
 * (the server's guarded one), so each part is tested alone.
 */
export interface MessagingAdapter {
  provider: MessagingProvider;
  /** The kinds this provider carries. */
  kinds: readonly MessagingKind[];
  /** The Parley channel of a connection of this kind, which assistants and rules name. */
  channelOf(kind: MessagingKind): Channel;
  /** The credential names a connection must have, with what each is called in the provider's console. */
  credentialNames: Readonly<Record<string, string>>;
  /** The provider's public API address. */
  defaultApiBaseUrl: string;
  /** Checks the signature (and replay window) of a POST. `now` in milliseconds. */
  verify(webhook: ReceivedWebhook, connection: ConnectionForAdapter, now: number): Verification;
  /** Meta's GET verification handshake; providers without one answer 405. */
  handshake?(webhook: ReceivedWebhook, connection: ConnectionForAdapter): WebhookAnswer;
  /** Reads a verified POST. Throws WebhookPayloadError for a malformed one. */
  parse(webhook: ReceivedWebhook, connection: ConnectionForAdapter): ParsedWebhook;
  /** What the webhook call is answered with once its messages are stored (Twilio: empty TwiML). */
  acknowledgement(): WebhookAnswer;
  /** Parley's message as the provider's requests, within the provider's limits. */
  render(message: OutboundMessage, target: SendTarget, connection: ConnectionForAdapter): RenderedMessage;
  /** Sends one part. Never throws for the provider's answers; only for bugs. */
  send(
    part: OutgoingPart,
    target: SendTarget,
    connection: ConnectionForAdapter,
    options: { fetch: typeof fetch; timeoutMilliseconds: number; statusCallbackUrl: string },
  ): Promise<SendResult>;
}
