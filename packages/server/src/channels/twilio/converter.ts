import type { OutboundMessage } from "@parley/engine";
import { plainTextOf, smsSegmentsOf, splitText } from "../messaging/message-text.ts";
import {
  type ConnectionForAdapter,
  type DeliveryStatusUpdate,
  type InboundContent,
  type InboundCustomerMessage,
  type MessagingKind,
  type OutgoingPart,
  type ParsedWebhook,
  type RenderedMessage,
  type SendTarget,
  WebhookPayloadError,
} from "../messaging/messaging-adapter.ts";
import type { TwilioForm } from "./verifier.ts";

/** Twilio's limit for `Body`, inbound and outbound, SMS and WhatsApp alike. */
export const twilioBodyLimit = 1600;
/** An MMS carries at most 10 files; a WhatsApp message one. */
const mediaLimit = 10;
const messageSidPattern = /^(SM|MM)[0-9a-f]{32}$/;
const whatsappPrefix = "whatsapp:";

/**
 * Twilio's `MessageStatus` values in Parley's words. The ones before `sent` mean Twilio still
 * holds the message, which Parley already records as pending. `received` and `receiving` belong
 * to inbound messages, not to status callbacks. Values not listed (Twilio adds some now and
 * then) are ignored rather than refused, so a new one never turns into a stream of 400s.
 */
const deliveryStatusOf: Record<string, DeliveryStatusUpdate["status"] | "pending"> = {
  accepted: "pending",
  scheduled: "pending",
  queued: "pending",
  sending: "pending",
  sent: "sent",
  delivered: "delivered",
  read: "read",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
};
const inboundStatuses = new Set(["received", "receiving"]);

/**
 * Titles of the delivery errors a support team meets most, from Twilio's error dictionary, so
 * the transcript says why without a trip to the docs. Other codes show as their number.
 */
const deliveryErrorTitles: Record<string, string> = {
  "30001": "Queue overflow",
  "30002": "Account suspended",
  "30003": "Unreachable destination handset",
  "30004": "Message blocked",
  "30005": "Unknown destination handset",
  "30006": "Landline or unreachable carrier",
  "30007": "Message filtered",
  "30008": "Unknown error",
  "63016": "Outside the WhatsApp customer service window, a template is required",
};

/**
 * Reads a verified Twilio webhook: a customer's message, or a status callback about a message
 * Parley sent (recognised by `MessageStatus`). `now` stamps both, as Twilio's forms carry no time.
 */
export function parseTwilioForm(form: TwilioForm, kind: MessagingKind, now: number): ParsedWebhook {
  const messageStatus = singleField(form, "MessageStatus");
  if (messageStatus !== undefined && !inboundStatuses.has(messageStatus)) {
    const update = statusUpdateOf(form, messageStatus, now);
    return { messages: [], statuses: update ? [update] : [] };
  }
  return { messages: [inboundMessageOf(form, kind, now)], statuses: [] };
}

function inboundMessageOf(form: TwilioForm, kind: MessagingKind, now: number): InboundCustomerMessage {
  const message: InboundCustomerMessage = {
    providerMessageId: messageSidOf(form),
    from: addressOf(form, "From", kind),
    to: addressOf(form, "To", kind),
    receivedAt: now,
    content: contentOf(form),
  };
  const profileName = singleField(form, "ProfileName");
  if (profileName) message.profileName = profileName;
  return message;
}

function statusUpdateOf(form: TwilioForm, messageStatus: string, now: number): DeliveryStatusUpdate | null {
  const providerMessageId = messageSidOf(form);
  const status = deliveryStatusOf[messageStatus];
  if (status === undefined || status === "pending") return null;
  const update: DeliveryStatusUpdate = { providerMessageId, status, at: now };
  if (status === "failed") update.error = deliveryErrorOf(form, messageStatus);
  return update;
}

function deliveryErrorOf(form: TwilioForm, messageStatus: string): string {
  const code = singleField(form, "ErrorCode");
  if (code === undefined || code === "") return `Twilio reported the message ${messageStatus}`;
  if (!/^[0-9]{1,10}$/.test(code)) throw new WebhookPayloadError("/ErrorCode", "must be a number");
  const title = deliveryErrorTitles[code];
  // ErrorMessage is left out on purpose: for some errors Twilio repeats the recipient in it.
  return title ? `Twilio error ${code}: ${title}` : `Twilio error ${code} (${messageStatus})`;
}

function contentOf(form: TwilioForm): InboundContent {
  const body = singleField(form, "Body") ?? "";
  if ([...body].length > twilioBodyLimit) {
    throw new WebhookPayloadError("/Body", `must be at most ${twilioBodyLimit} characters`);
  }
  const location = locationOf(form);
  if (location) return location;
  const buttonPayload = singleField(form, "ButtonPayload");
  if (buttonPayload) {
    return {
      type: "choice",
      optionId: buttonPayload,
      label: singleField(form, "ButtonText") || body || buttonPayload,
    };
  }
  const media = mediaOf(form);
  if (media.length > 0) return body ? { type: "media", media, caption: body } : { type: "media", media };
  if (body.trim()) return { type: "text", text: body };
  return { type: "unsupported", description: "an empty message" };
}

function mediaOf(form: TwilioForm): Array<{ url: string; mediaType: string }> {
  const count = singleField(form, "NumMedia");
  if (count === undefined || count === "") return [];
  if (!/^[0-9]{1,2}$/.test(count) || Number(count) > mediaLimit) {
    throw new WebhookPayloadError("/NumMedia", `must be a whole number from 0 to ${mediaLimit}`);
  }
  const media: Array<{ url: string; mediaType: string }> = [];
  for (let index = 0; index < Number(count); index += 1) {
    const url = requiredField(form, `MediaUrl${index}`);
    if (!isWebAddress(url))
      throw new WebhookPayloadError(`/MediaUrl${index}`, "must be an http or https URL");
    const mediaType = requiredField(form, `MediaContentType${index}`);
    if (!/^[\w.+-]+\/[\w.+-]+/.test(mediaType)) {
      throw new WebhookPayloadError(`/MediaContentType${index}`, "must be a media type such as image/jpeg");
    }
    media.push({ url, mediaType });
  }
  return media;
}

function locationOf(form: TwilioForm): InboundContent | null {
  const latitudeText = singleField(form, "Latitude");
  const longitudeText = singleField(form, "Longitude");
  if (latitudeText === undefined && longitudeText === undefined) return null;
  const latitude = coordinateOf(latitudeText, "Latitude", 90);
  const longitude = coordinateOf(longitudeText, "Longitude", 180);
  const label = [singleField(form, "Label"), singleField(form, "Address")].filter(Boolean).join(", ");
  return label ? { type: "location", latitude, longitude, label } : { type: "location", latitude, longitude };
}

function coordinateOf(text: string | undefined, name: string, bound: number): number {
  if (text === undefined || text === "")
    throw new WebhookPayloadError(`/${name}`, "is required with a location");
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > bound) {
    throw new WebhookPayloadError(`/${name}`, `must be a number from -${bound} to ${bound}`);
  }
  return value;
}

function messageSidOf(form: TwilioForm): string {
  const sid = requiredField(form, "MessageSid");
  if (!messageSidPattern.test(sid)) {
    throw new WebhookPayloadError("/MessageSid", "must be SM or MM followed by 32 hexadecimal digits");
  }
  return sid;
}

/**
 * The customer's or the business's address without Twilio's channel prefix. A WhatsApp address
 * on an SMS connection (or the reverse) means the number's webhook points at the wrong connection.
 */
function addressOf(form: TwilioForm, name: string, kind: MessagingKind): string {
  const address = requiredField(form, name);
  if (kind === "whatsapp") {
    if (!address.startsWith(whatsappPrefix)) {
      throw new WebhookPayloadError(`/${name}`, "must be a whatsapp: address on a WhatsApp connection");
    }
    return requiredValue(address.slice(whatsappPrefix.length), name);
  }
  const channelPrefix = /^([a-z]+):/i.exec(address);
  if (channelPrefix) {
    throw new WebhookPayloadError(
      `/${name}`,
      `must be a phone number on an SMS connection, not a ${channelPrefix[1]}: address`,
    );
  }
  return address;
}

function singleField(form: TwilioForm, name: string): string | undefined {
  const value = form[name];
  if (Array.isArray(value)) throw new WebhookPayloadError(`/${name}`, "must be sent once");
  return value;
}

function requiredField(form: TwilioForm, name: string): string {
  return requiredValue(singleField(form, name), name);
}

function requiredValue(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === "") throw new WebhookPayloadError(`/${name}`, "is required");
  return value;
}

function isWebAddress(text: string): boolean {
  return /^https?:\/\//i.test(text) && URL.canParse(text);
}

/** An address as Twilio's `To` and `From` want it: WhatsApp's carry the channel prefix. */
export function twilioAddress(address: string, kind: MessagingKind): string {
  const bare = address.startsWith(whatsappPrefix) ? address.slice(whatsappPrefix.length) : address;
  return kind === "whatsapp" ? `${whatsappPrefix}${bare}` : bare;
}

/**
 * Parley's message as Twilio Messages requests. Both channels are text-only here: the engine has
 * already turned buttons into numbered menus, and everything else reads as text. A file goes as
 * `MediaUrl`, which Twilio fetches itself, so its URL must be public.
 */
export function renderForTwilio(
  message: OutboundMessage,
  target: SendTarget,
  connection: ConnectionForAdapter,
): RenderedMessage {
  const kind = connection.kind;
  if (kind === "whatsapp" && !target.withinServiceWindow) {
    return {
      failure:
        "the customer last wrote more than 24 hours ago: WhatsApp takes only approved templates then, and a Twilio connection sends none",
    };
  }
  const addresses = { To: twilioAddress(target.to, kind), From: twilioAddress(connection.address, kind) };
  if (message.kind === "attachment") {
    const { url, mediaType } = message.attachment;
    if (!isWebAddress(url)) {
      return { failure: `the file's address ${url} is not a public http(s) URL that Twilio can fetch` };
    }
    const captionParts = message.caption?.trim() ? splitText(message.caption, twilioBodyLimit) : [];
    const [firstCaption, ...rest] = captionParts;
    const mediaPart: OutgoingPart = {
      body: { ...addresses, ...(firstCaption ? { Body: firstCaption } : {}), MediaUrl: url },
      summary: `file (${mediaType})${firstCaption ? " with caption" : ""}`,
    };
    return { parts: [mediaPart, ...textParts(rest, addresses, kind, captionParts.length)] };
  }
  const text = plainTextOf(message, kind === "sms" ? "sms" : "whatsapp");
  if (!text.trim()) return { failure: `a ${message.kind} message with no text to send` };
  const pieces = splitText(text, twilioBodyLimit);
  return { parts: textParts(pieces, addresses, kind, pieces.length) };
}

function textParts(
  pieces: string[],
  addresses: { To: string; From: string },
  kind: MessagingKind,
  total: number,
): OutgoingPart[] {
  return pieces.map((piece, index) => {
    const position = total > 1 ? ` ${total - pieces.length + index + 1}/${total}` : "";
    const body = { ...addresses, Body: piece };
    if (kind === "whatsapp") return { body, summary: `text${position}` };
    const { segments, encoding } = smsSegmentsOf(piece);
    return {
      body,
      segments,
      summary: `text${position}, ${segments} segment${segments === 1 ? "" : "s"} (${encoding})`,
    };
  });
}
