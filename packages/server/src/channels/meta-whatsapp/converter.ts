import {
  type ConnectionForAdapter,
  type DeliveryStatusUpdate,
  type InboundContent,
  type InboundCustomerMessage,
  type ParsedWebhook,
  type ReceivedWebhook,
  WebhookPayloadError,
} from "../messaging/messaging-adapter.ts";
import {
  arrayAt,
  type JsonObject,
  numberAt,
  objectAt,
  optionalStringAt,
  parseJsonBody,
  secondsAt,
  stringAt,
} from "./webhook-reading.ts";

/**
 * A WhatsApp id is the customer's phone number in digits, country code first, no "+". Meta
 * documents no length; E.164 allows 15 digits, and a little room is left above that.
 */
const whatsappIdFormat = /^[0-9]{5,20}$/;
const nonEmpty = { nonEmpty: true } as const;
const mediaTypes = new Set(["image", "document", "audio", "video", "sticker"]);
const reportedStatuses = new Set(["sent", "delivered", "read", "failed"]);

/** How message types Parley cannot take read in the transcript; others are named by their type. */
const unsupportedDescriptions: Readonly<Record<string, string>> = {
  reaction: "a reaction",
  contacts: "a contact card",
  order: "an order",
  system: "a WhatsApp system notice",
  unsupported: "a message of a type WhatsApp does not pass on to businesses",
};

function describeUnsupported(type: string): string {
  return unsupportedDescriptions[type] ?? `a WhatsApp message of type "${type.slice(0, 64)}"`;
}

function withoutTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * Meta sends a media id, not a file: the Graph API answers `GET {apiBaseUrl}/{media id}` with a
 * short-lived download URL for a caller holding the access token. Fetching is left to whoever
 * stores the file (converters stay pure).
 */
function mediaContent(
  message: JsonObject,
  type: string,
  pointer: string,
  apiBaseUrl: string,
): InboundContent {
  const media = objectAt(message[type], `${pointer}/${type}`);
  const mediaId = stringAt(media.id, `${pointer}/${type}/id`, nonEmpty);
  const mimeType = stringAt(media.mime_type, `${pointer}/${type}/mime_type`, {
    pattern: /^[\w.+-]+\/[\w.+-]+/,
    describe: "must be a media type such as image/jpeg",
  });
  // Voice notes come as "audio/ogg; codecs=opus": the parameters say nothing Parley keeps.
  const mediaType = (mimeType.split(";")[0] ?? mimeType).trim().toLowerCase();
  const name =
    type === "document" ? optionalStringAt(media.filename, `${pointer}/${type}/filename`) : undefined;
  const caption = optionalStringAt(media.caption, `${pointer}/${type}/caption`);
  const url = `${withoutTrailingSlashes(apiBaseUrl)}/${encodeURIComponent(mediaId)}`;
  return {
    type: "media",
    media: [name ? { url, mediaType, name } : { url, mediaType }],
    ...(caption ? { caption } : {}),
  };
}

function interactiveContent(message: JsonObject, pointer: string): InboundContent {
  const interactive = objectAt(message.interactive, `${pointer}/interactive`);
  const type = stringAt(interactive.type, `${pointer}/interactive/type`, nonEmpty);
  if (type !== "button_reply" && type !== "list_reply") {
    return { type: "unsupported", description: `a WhatsApp "${type.slice(0, 64)}" reply` };
  }
  const reply = objectAt(interactive[type], `${pointer}/interactive/${type}`);
  return {
    type: "choice",
    optionId: stringAt(reply.id, `${pointer}/interactive/${type}/id`, nonEmpty),
    label: stringAt(reply.title, `${pointer}/interactive/${type}/title`),
  };
}

function locationContent(message: JsonObject, pointer: string): InboundContent {
  const location = objectAt(message.location, `${pointer}/location`);
  const name = optionalStringAt(location.name, `${pointer}/location/name`);
  const address = optionalStringAt(location.address, `${pointer}/location/address`);
  const label = [name, address].filter((part) => part).join(", ");
  return {
    type: "location",
    latitude: numberAt(location.latitude, `${pointer}/location/latitude`, -90, 90),
    longitude: numberAt(location.longitude, `${pointer}/location/longitude`, -180, 180),
    ...(label ? { label } : {}),
  };
}

function contentOf(message: JsonObject, type: string, pointer: string, apiBaseUrl: string): InboundContent {
  if (type === "text") {
    const text = objectAt(message.text, `${pointer}/text`);
    return { type: "text", text: stringAt(text.body, `${pointer}/text/body`) };
  }
  if (type === "interactive") return interactiveContent(message, pointer);
  // A template's quick-reply button: its payload is the template's, not an option Parley offered.
  if (type === "button") {
    const button = objectAt(message.button, `${pointer}/button`);
    return { type: "text", text: stringAt(button.text, `${pointer}/button/text`) };
  }
  if (mediaTypes.has(type)) return mediaContent(message, type, pointer, apiBaseUrl);
  if (type === "location") return locationContent(message, pointer);
  return { type: "unsupported", description: describeUnsupported(type) };
}

/** The names customers' profiles show, by WhatsApp id, from the value's `contacts`. */
function profileNames(value: JsonObject, pointer: string): Map<string, string> {
  const names = new Map<string, string>();
  arrayAt(value.contacts, `${pointer}/contacts`, true).forEach((item, index) => {
    const contact = objectAt(item, `${pointer}/contacts/${index}`);
    const whatsappId = stringAt(contact.wa_id, `${pointer}/contacts/${index}/wa_id`, nonEmpty);
    if (contact.profile === undefined) return;
    const profile = objectAt(contact.profile, `${pointer}/contacts/${index}/profile`);
    const name = optionalStringAt(profile.name, `${pointer}/contacts/${index}/profile/name`);
    if (name) names.set(whatsappId, name);
  });
  return names;
}

function readMessage(
  item: unknown,
  pointer: string,
  names: Map<string, string>,
  connection: ConnectionForAdapter,
): InboundCustomerMessage {
  const message = objectAt(item, pointer);
  const providerMessageId = stringAt(message.id, `${pointer}/id`, nonEmpty);
  const whatsappId = stringAt(message.from, `${pointer}/from`, {
    pattern: whatsappIdFormat,
    describe: "must be the customer's WhatsApp id: 5 to 20 digits",
  });
  const receivedAt = secondsAt(message.timestamp, `${pointer}/timestamp`);
  const type = stringAt(message.type, `${pointer}/type`, nonEmpty);
  const profileName = names.get(whatsappId);
  return {
    providerMessageId,
    from: `+${whatsappId}`,
    to: connection.address,
    ...(profileName ? { profileName } : {}),
    receivedAt,
    content: contentOf(message, type, pointer, connection.apiBaseUrl),
  };
}

function readStatus(item: unknown, pointer: string): DeliveryStatusUpdate | null {
  const status = objectAt(item, pointer);
  const providerMessageId = stringAt(status.id, `${pointer}/id`, nonEmpty);
  const name = stringAt(status.status, `${pointer}/status`, nonEmpty);
  const at = secondsAt(status.timestamp, `${pointer}/timestamp`);
  // Meta adds statuses over time ("deleted", "warning"): one Parley does not track is skipped,
  // not refused, or Meta would retry the whole batch for days.
  if (!reportedStatuses.has(name)) return null;
  const update: DeliveryStatusUpdate = {
    providerMessageId,
    status: name as DeliveryStatusUpdate["status"],
    at,
  };
  const errors = arrayAt(status.errors, `${pointer}/errors`, true);
  if (errors.length > 0) {
    const error = objectAt(errors[0], `${pointer}/errors/0`);
    const code = numberAt(error.code, `${pointer}/errors/0/code`, 0, Number.MAX_SAFE_INTEGER);
    const title =
      optionalStringAt(error.title, `${pointer}/errors/0/title`) ??
      optionalStringAt(error.message, `${pointer}/errors/0/message`);
    update.error = title ? `${code}: ${title}` : String(code);
  }
  return update;
}

function readValue(
  value: JsonObject,
  pointer: string,
  connection: ConnectionForAdapter,
  parsed: ParsedWebhook,
): void {
  const names = profileNames(value, pointer);
  arrayAt(value.messages, `${pointer}/messages`, true).forEach((item, index) => {
    parsed.messages.push(readMessage(item, `${pointer}/messages/${index}`, names, connection));
  });
  arrayAt(value.statuses, `${pointer}/statuses`, true).forEach((item, index) => {
    const update = readStatus(item, `${pointer}/statuses/${index}`);
    if (update) parsed.statuses.push(update);
  });
}

/**
 * Reads a verified delivery. One app's webhook carries every number of the business account, so
 * values for another phone number id are skipped: they belong to another connection. Changes
 * other than `messages` (template reviews, account updates) are skipped too.
 */
export function parseWebhook(webhook: ReceivedWebhook, connection: ConnectionForAdapter): ParsedWebhook {
  const root = objectAt(parseJsonBody(webhook.rawBody), "");
  if (root.object !== "whatsapp_business_account") {
    throw new WebhookPayloadError("/object", 'must be "whatsapp_business_account"');
  }
  const parsed: ParsedWebhook = { messages: [], statuses: [] };
  arrayAt(root.entry, "/entry").forEach((entryItem, entryIndex) => {
    const entry = objectAt(entryItem, `/entry/${entryIndex}`);
    arrayAt(entry.changes, `/entry/${entryIndex}/changes`).forEach((changeItem, changeIndex) => {
      const pointer = `/entry/${entryIndex}/changes/${changeIndex}`;
      const change = objectAt(changeItem, pointer);
      if (stringAt(change.field, `${pointer}/field`) !== "messages") return;
      const value = objectAt(change.value, `${pointer}/value`);
      const metadata = objectAt(value.metadata, `${pointer}/value/metadata`);
      const phoneNumberId = stringAt(metadata.phone_number_id, `${pointer}/value/metadata/phone_number_id`);
      if (phoneNumberId !== connection.address) return;
      readValue(value, `${pointer}/value`, connection, parsed);
    });
  });
  return parsed;
}
