import { randomBytes, randomUUID } from "node:crypto";
import twilio from "twilio";
import { smsSegmentsOf } from "../../src/channels/messaging/message-text.ts";
import {
  type SentTwilioMessage,
  type TwilioInboundMessage,
  type TwilioProviderOptions,
  type TwilioStatusUpdate,
  type WebhookCallResult,
  withoutPrefix,
} from "./twilio-provider.ts";

/** Twilio's side of the webhooks: the forms it posts to Parley for customers' messages and statuses. */

export function inboundFields(
  message: TwilioInboundMessage,
  options: TwilioProviderOptions,
): Record<string, string> {
  const whatsapp = message.from.startsWith("whatsapp:");
  const to = whatsapp && !message.to.startsWith("whatsapp:") ? `whatsapp:${message.to}` : message.to;
  const media = message.media ?? [];
  const body = message.body ?? message.button?.text ?? "";
  const sid = message.messageSid ?? `${media.length > 0 ? "MM" : "SM"}${randomBytes(16).toString("hex")}`;
  const fields: Record<string, string> = {
    ToCountry: "US",
    SmsMessageSid: sid,
    NumMedia: String(media.length),
    SmsSid: sid,
    SmsStatus: "received",
    Body: body,
    To: to,
    NumSegments: String(whatsapp ? 1 : smsSegmentsOf(body).segments),
    MessageSid: sid,
    AccountSid: options.accountSid,
    From: message.from,
    ApiVersion: "2010-04-01",
  };
  if (whatsapp) {
    fields.ProfileName = message.profileName ?? "Test Customer";
    fields.WaId = withoutPrefix(message.from).replace(/^\+/, "");
  }
  media.forEach((item, index) => {
    fields[`MediaContentType${index}`] = item.contentType;
    fields[`MediaUrl${index}`] = item.url;
  });
  if (message.button) {
    fields.ButtonText = message.button.text;
    fields.ButtonPayload = message.button.payload;
  }
  if (message.location) {
    fields.Latitude = String(message.location.latitude);
    fields.Longitude = String(message.location.longitude);
    if (message.location.address) fields.Address = message.location.address;
    if (message.location.label) fields.Label = message.location.label;
  }
  return { ...fields, ...message.fields };
}

export function statusFields(
  update: TwilioStatusUpdate,
  sent: SentTwilioMessage[],
  options: TwilioProviderOptions,
) {
  const message = sent.find((candidate) => candidate.sid === update.messageSid);
  const prefix = message?.kind === "whatsapp" ? "whatsapp:" : "";
  const to = update.to ?? (message ? `${prefix}${message.to}` : "+15550000001");
  const from = update.from ?? (message ? `${prefix}${message.from}` : "+15550000002");
  const fields: Record<string, string> = {
    SmsSid: update.messageSid,
    SmsStatus: update.status,
    MessageStatus: update.status,
    To: to,
    MessageSid: update.messageSid,
    AccountSid: options.accountSid,
    From: from,
    ApiVersion: "2010-04-01",
  };
  if (to.startsWith("whatsapp:")) {
    fields.ChannelPrefix = "whatsapp";
    fields.ChannelToAddress = withoutPrefix(to);
  }
  if (update.errorCode) fields.ErrorCode = update.errorCode;
  return fields;
}

/** Posts a form to Parley's webhook the way Twilio does, signed over the exact URL. */
export async function postSigned(
  webhookUrl: string,
  fields: Record<string, string>,
  options: TwilioProviderOptions,
  signature: TwilioInboundMessage["signature"] = "valid",
): Promise<WebhookCallResult> {
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded; charset=UTF-8",
    "user-agent": "TwilioProxy/1.1",
    "i-twilio-idempotency-token": randomUUID(),
  };
  if (signature !== "missing") {
    const token = signature === "wrong" ? `${options.authToken}-wrong` : options.authToken;
    headers["x-twilio-signature"] = twilio.getExpectedTwilioSignature(token, webhookUrl, fields);
  }
  const response = await fetch(webhookUrl, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    body: await response.text(),
    fields,
  };
}
