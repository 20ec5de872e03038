import { createHmac, randomBytes } from "node:crypto";

/**
 * Webhook deliveries as Meta's Cloud API sends them (`object: "whatsapp_business_account"`,
 * `entry[].changes[].value` with `metadata`, `contacts`, `messages` and `statuses`), signed with
 * `X-Hub-Signature-256`.
 */

type MediaType = "image" | "video" | "audio" | "document" | "sticker";

/** What a customer does in WhatsApp, described in the test's words. */
export type CustomerMessageContent =
  | { type: "text"; text: string }
  /** Tapping a reply button the business sent. */
  | { type: "button_reply"; replyId: string; title: string }
  /** Choosing a row of a list the business sent. */
  | { type: "list_reply"; replyId: string; title: string; description?: string }
  /** Tapping a template's quick-reply button. */
  | { type: "button"; payload: string; text: string }
  | {
      type: MediaType;
      mimeType: string;
      caption?: string;
      filename?: string;
      /** The file's bytes, served to the bearer of the access token at the media's URL. */
      data?: Uint8Array | string;
    }
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string }
  | { type: "reaction"; messageId: string; emoji: string };

export type CustomerMessage = CustomerMessageContent & {
  /** The customer's number, "+15551234567" or digits. */
  from: string;
  profileName?: string;
  /** The wamid; one is made up when absent. */
  id?: string;
  /** Milliseconds since the epoch; now when absent. */
  timestamp?: number;
  /** The wamid of the business's message the customer replied to. */
  replyTo?: string;
};

export interface StatusReport {
  /** The wamid the messages API answered with. */
  id: string;
  status: "sent" | "delivered" | "read" | "failed";
  /** The customer's number, "+15551234567" or digits. */
  recipientId: string;
  timestamp?: number;
  error?: { code: number; title: string; details?: string };
}

export interface BusinessNumber {
  phoneNumberId: string;
  displayPhoneNumber: string;
  businessAccountId: string;
}

export function whatsappMessageId(): string {
  return `wamid.${randomBytes(30).toString("base64")}`;
}

export function digitsOf(address: string): string {
  return address.replace(/[^0-9]/g, "");
}

function seconds(milliseconds: number | undefined): string {
  return String(Math.floor((milliseconds ?? Date.now()) / 1000));
}

function contentFields(
  content: CustomerMessageContent,
  mediaId: string | undefined,
): Record<string, unknown> {
  switch (content.type) {
    case "text":
      return { text: { body: content.text } };
    case "button_reply":
      return {
        interactive: { type: "button_reply", button_reply: { id: content.replyId, title: content.title } },
      };
    case "list_reply": {
      const reply = { id: content.replyId, title: content.title, description: content.description };
      return { interactive: { type: "list_reply", list_reply: reply } };
    }
    case "button":
      return { button: { payload: content.payload, text: content.text } };
    case "location": {
      const { latitude, longitude, name, address } = content;
      return { location: { latitude, longitude, name, address } };
    }
    case "reaction":
      return { reaction: { message_id: content.messageId, emoji: content.emoji } };
    default: {
      const sha256 = createHmac("sha256", "media")
        .update(mediaId ?? "")
        .digest("base64");
      const media: Record<string, unknown> = { id: mediaId, mime_type: content.mimeType, sha256 };
      if (content.caption !== undefined) media.caption = content.caption;
      if (content.type === "document") media.filename = content.filename ?? "file";
      if (content.type === "audio") media.voice = content.mimeType.startsWith("audio/ogg");
      if (content.type === "sticker") media.animated = false;
      return { [content.type]: media };
    }
  }
}

/** One message of `value.messages`; media get their id from `mediaIdOf`. */
export function messageObject(
  message: CustomerMessage,
  number: BusinessNumber,
  mediaIdOf: (message: CustomerMessage) => string,
) {
  const isMedia = ["image", "video", "audio", "document", "sticker"].includes(message.type);
  const object: Record<string, unknown> = {
    from: digitsOf(message.from),
    id: message.id ?? whatsappMessageId(),
    timestamp: seconds(message.timestamp),
    // Replies to buttons and lists are both of Meta's type "interactive".
    type: message.type === "button_reply" || message.type === "list_reply" ? "interactive" : message.type,
    ...contentFields(message, isMedia ? mediaIdOf(message) : undefined),
  };
  if (message.replyTo) object.context = { from: digitsOf(number.displayPhoneNumber), id: message.replyTo };
  return object;
}

function statusObject(report: StatusReport): Record<string, unknown> {
  const object: Record<string, unknown> = {
    id: report.id,
    status: report.status,
    timestamp: seconds(report.timestamp),
    recipient_id: digitsOf(report.recipientId),
  };
  if (report.status === "sent" || report.status === "delivered") {
    object.conversation = { id: randomBytes(16).toString("hex"), origin: { type: "service" } };
    object.pricing = {
      billable: true,
      pricing_model: "PMP",
      category: "service",
      type: "free_customer_service",
    };
  }
  if (report.error) {
    const { code, title, details } = report.error;
    object.errors = [
      {
        code,
        title,
        message: title,
        error_data: { details: details ?? title },
        href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
      },
    ];
  }
  return object;
}

/** The body of one delivery: messages and statuses of one number, in one change. */
export function deliveryBody(
  number: BusinessNumber,
  messages: Array<Record<string, unknown>>,
  profiles: Array<{ from: string; profileName?: string | undefined }>,
  statuses: StatusReport[],
): Record<string, unknown> {
  const value: Record<string, unknown> = {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId },
  };
  if (messages.length > 0) {
    const contacts = new Map<string, Record<string, unknown>>();
    for (const { from, profileName } of profiles) {
      const whatsappId = digitsOf(from);
      // One contact per customer, named by whichever of their messages in the batch gave a name.
      if (contacts.has(whatsappId) && !profileName) continue;
      contacts.set(whatsappId, { profile: { name: profileName ?? "" }, wa_id: whatsappId });
    }
    value.contacts = [...contacts.values()];
    value.messages = messages;
  }
  if (statuses.length > 0) value.statuses = statuses.map(statusObject);
  return {
    object: "whatsapp_business_account",
    entry: [{ id: number.businessAccountId, changes: [{ value, field: "messages" }] }],
  };
}

export interface DeliveryOptions {
  /** "wrong" signs with another secret; "missing" sends no signature header. */
  signature?: "valid" | "wrong" | "missing";
  /** Sent as if for another number of the same business account. */
  phoneNumberId?: string;
}

export interface WebhookResponse {
  status: number;
  body: string;
  /** The JSON body that was posted. */
  payload: Record<string, unknown>;
}

/** POSTs a delivery the way Meta does: JSON, signed with the app secret over the exact bytes. */
export async function postDelivery(
  webhookUrl: string,
  payload: Record<string, unknown>,
  appSecret: string,
  signature: DeliveryOptions["signature"] = "valid",
): Promise<WebhookResponse> {
  const raw = JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "facebookexternalua",
  };
  if (signature !== "missing") {
    const secret = signature === "wrong" ? `${appSecret}-not` : appSecret;
    headers["x-hub-signature-256"] = `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
  }
  const response = await fetch(webhookUrl, { method: "POST", headers, body: raw });
  return { status: response.status, body: await response.text(), payload };
}
