import type { OutboundMessage } from "@parley/engine";
import { plainTextOf, smsSegmentsOf, splitText, whatsappMarkup } from "../messaging/message-text.ts";
import {
  type ConnectionForAdapter,
  type DeliveryStatusUpdate,
  type InboundContent,
  type InboundCustomerMessage,
  type OutgoingPart,
  type ParsedWebhook,
  type ReceivedWebhook,
  type RenderedMessage,
  type SendTarget,
  WebhookPayloadError,
} from "../messaging/messaging-adapter.ts";
import {
  fileNameOf,
  inboundMediaTypeOf,
  isMediaMessageType,
  type MediaMessageType,
  outboundMessageTypeOf,
} from "./media-types.ts";
import {
  dateTimeAt,
  isObject,
  type JsonObject,
  numberAt,
  objectAt,
  optionalStringAt,
  parseJsonObject,
  stringAt,
} from "./payload-fields.ts";

/** MessageBird's SMS channel takes up to 1600 characters a message (it concatenates the segments). */
export const smsTextLimit = 1600;
/** WhatsApp's limit for a text message. */
export const whatsappTextLimit = 4096;
/** WhatsApp's limit for a media caption. */
export const whatsappCaptionLimit = 1024;

/**
 * Reads a Conversations API webhook (`message.created`, `message.updated`). Events of other
 * channels, Parley's own sent messages echoed back, and event types Parley does not follow
 * give nothing.
 */
export function parseMessagebirdWebhook(
  webhook: ReceivedWebhook,
  connection: ConnectionForAdapter,
): ParsedWebhook {
  const document = parseJsonObject(webhook.rawBody);
  const eventType = stringAt(document, "type", "/type");
  if (eventType === "message.created")
    return { messages: customerMessagesOf(document, connection), statuses: [] };
  if (eventType === "message.updated")
    return { messages: [], statuses: statusUpdatesOf(document, connection) };
  return { messages: [], statuses: [] };
}

function customerMessagesOf(
  document: JsonObject,
  connection: ConnectionForAdapter,
): InboundCustomerMessage[] {
  const message = objectAt(document, "message", "/message");
  const providerMessageId = stringAt(message, "id", "/message/id");
  // "sent" messages are the ones Parley (or an agent in MessageBird's inbox) sent: not the customer's.
  if (stringAt(message, "direction", "/message/direction") !== "received") return [];
  const channelId = stringAt(message, "channelId", "/message/channelId");
  if (channelId !== connection.address) return [];

  const from = addressOf(stringAt(message, "from", "/message/from"));
  const receivedAt = dateTimeAt(message, "createdDatetime", "/message/createdDatetime");
  const content = contentOf(message);
  const profileName = profileNameOf(document, from);
  return [
    {
      providerMessageId,
      from,
      to: channelId,
      ...(profileName === undefined ? {} : { profileName }),
      receivedAt,
      content,
    },
  ];
}

/** MessageBird writes phone numbers (MSISDNs) as bare digits; Parley keeps E.164 with its "+". */
function addressOf(from: string): string {
  const compact = from.replace(/[\s-]/g, "");
  return /^\+?[1-9]\d{6,14}$/.test(compact) ? `+${compact.replace(/^\+/, "")}` : from;
}

/** The contact's display name, unless MessageBird knows only the number and shows that instead. */
function profileNameOf(document: JsonObject, from: string): string | undefined {
  const contact = document.contact;
  if (!isObject(contact)) return undefined;
  const displayName = optionalStringAt(contact, "displayName", "/contact/displayName")?.trim();
  if (!displayName || addressOf(displayName) === from) return undefined;
  return displayName;
}

function contentOf(message: JsonObject): InboundContent {
  const type = stringAt(message, "type", "/message/type");
  const content = objectAt(message, "content", "/message/content");
  if (type === "text") {
    if (typeof content.text !== "string") {
      throw new WebhookPayloadError(
        "/message/content/text",
        content.text === undefined ? "is required" : "must be a string",
      );
    }
    return { type: "text", text: content.text };
  }
  if (isMediaMessageType(type)) return mediaContentOf(type, content);
  if (type === "location") {
    const location = objectAt(content, "location", "/message/content/location");
    return {
      type: "location",
      latitude: numberAt(location, "latitude", "/message/content/location/latitude", -90, 90),
      longitude: numberAt(location, "longitude", "/message/content/location/longitude", -180, 180),
    };
  }
  return { type: "unsupported", description: `a MessageBird ${type} message` };
}

function mediaContentOf(type: MediaMessageType, content: JsonObject): InboundContent {
  const media = objectAt(content, type, `/message/content/${type}`);
  const url = stringAt(media, "url", `/message/content/${type}/url`);
  const caption = optionalStringAt(media, "caption", `/message/content/${type}/caption`);
  const name = fileNameOf(url);
  return {
    type: "media",
    media: [{ url, mediaType: inboundMediaTypeOf(type, name), ...(name === undefined ? {} : { name }) }],
    ...(caption === undefined ? {} : { caption }),
  };
}

/** MessageBird's message statuses that Parley records; the rest (accepted, pending, transmitted…) say nothing new. */
const deliveryStatusOf: Readonly<Record<string, DeliveryStatusUpdate["status"]>> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  failed: "failed",
  rejected: "failed",
};

function statusUpdatesOf(document: JsonObject, connection: ConnectionForAdapter): DeliveryStatusUpdate[] {
  const message = objectAt(document, "message", "/message");
  const providerMessageId = stringAt(message, "id", "/message/id");
  const status = deliveryStatusOf[stringAt(message, "status", "/message/status")];
  if (status === undefined) return [];
  const channelId = optionalStringAt(message, "channelId", "/message/channelId");
  if (channelId !== undefined && channelId !== connection.address) return [];

  const at =
    message.updatedDatetime === undefined || message.updatedDatetime === null
      ? dateTimeAt(message, "createdDatetime", "/message/createdDatetime")
      : dateTimeAt(message, "updatedDatetime", "/message/updatedDatetime");
  const error = status === "failed" ? errorOf(message) : undefined;
  return [{ providerMessageId, status, at, ...(error === undefined ? {} : { error }) }];
}

/** The failure MessageBird gives (`error: {code, description}`), which names no customer data. */
function errorOf(message: JsonObject): string | undefined {
  const error = message.error;
  if (!isObject(error)) return undefined;
  const code =
    typeof error.code === "number" || typeof error.code === "string" ? String(error.code) : undefined;
  const description = typeof error.description === "string" ? error.description : undefined;
  if (code === undefined) return description;
  return description === undefined ? code : `${code}: ${description}`;
}

/**
 * Parley's message as Conversations API send requests (`POST /v1/send`). Both kinds are text
 * channels for Parley (numbered menus); WhatsApp also carries a file as a media message.
 */
export function renderMessagebirdMessage(
  message: OutboundMessage,
  target: SendTarget,
  connection: ConnectionForAdapter,
): RenderedMessage {
  const whatsapp = connection.kind === "whatsapp";
  // WhatsApp refuses free-form messages 24 hours after the customer's last one; MessageBird
  // connections have no approved template to fall back on, so say so instead of sending in vain.
  if (whatsapp && !target.withinServiceWindow) {
    return {
      failure:
        "outside WhatsApp's 24-hour customer-service window, and MessageBird connections send no templates",
    };
  }
  const request = { to: target.to, from: connection.address };
  const parts =
    whatsapp && message.kind === "attachment"
      ? attachmentParts(message, request)
      : textParts(plainTextOf(message, whatsapp ? "whatsapp" : "sms"), connection.kind, request);
  return parts.length === 0 ? { failure: "the message has no text to send" } : { parts };
}

interface Addressing {
  to: string;
  from: string;
}

function textParts(text: string, kind: ConnectionForAdapter["kind"], request: Addressing): OutgoingPart[] {
  const pieces = splitText(text, kind === "sms" ? smsTextLimit : whatsappTextLimit);
  return pieces.map((piece, index) => {
    const position = pieces.length > 1 ? `, part ${index + 1} of ${pieces.length}` : "";
    const body = { ...request, type: "text", content: { text: piece } };
    if (kind !== "sms") return { body, summary: `text${position}` };
    const { encoding, segments } = smsSegmentsOf(piece);
    const cost = `${segments} segment${segments === 1 ? "" : "s"} (${encoding})`;
    return { body, segments, summary: `text${position}, ${cost}` };
  });
}

/** A file as WhatsApp media; a caption too long for media follows it as text. */
function attachmentParts(
  message: Extract<OutboundMessage, { kind: "attachment" }>,
  request: Addressing,
): OutgoingPart[] {
  const type = outboundMessageTypeOf(message.attachment.mediaType);
  const caption = whatsappMarkup(message.caption ?? "").trim();
  const fitsCaption = caption !== "" && caption.length <= whatsappCaptionLimit;
  const media = { url: message.attachment.url, ...(fitsCaption ? { caption } : {}) };
  const mediaPart: OutgoingPart = {
    body: { ...request, type, content: { [type]: media } },
    summary: `${type}${fitsCaption ? " with caption" : ""}`,
  };
  if (caption === "" || fitsCaption) return [mediaPart];
  return [mediaPart, ...textParts(caption, "whatsapp", request)];
}
