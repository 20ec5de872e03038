import twilio from "twilio";
import type { ConnectionForAdapter, MessagingKind, ReceivedWebhook } from "../messaging/messaging-adapter.ts";
import type { TwilioForm } from "./verifier.ts";

/**
 * Twilio's webhook forms as its Messaging webhook documentation lists the fields, with the
 * geography fields and the duplicate sids Twilio still sends for older integrations.
 */
export const accountSid = "AC0123456789abcdef0123456789abcdef";
export const authToken = "0123456789abcdef0123456789abcdef";
export const businessNumber = "+15557654321";
export const customerNumber = "+15551234567";
export const smsSid = "SM1f0e2d3c4b5a69788796a5b4c3d2e1f0";
export const mmsSid = "MMa1b2c3d4e5f60718293a4b5c6d7e8f90";
export const webhookUrl = "https://parley.example.com/v1/channels/twilio/conn_1/webhook";

export function connectionFor(
  kind: MessagingKind,
  overrides: Partial<ConnectionForAdapter> = {},
): ConnectionForAdapter {
  return {
    id: "conn_1",
    provider: "twilio",
    kind,
    address: businessNumber,
    apiBaseUrl: "https://api.twilio.com",
    credentials: { accountSid, authToken },
    ...overrides,
  };
}

export const inboundSms: Record<string, string> = {
  ToCountry: "US",
  ToState: "CA",
  SmsMessageSid: smsSid,
  NumMedia: "0",
  ToCity: "SAN FRANCISCO",
  FromZip: "94105",
  SmsSid: smsSid,
  FromState: "CA",
  SmsStatus: "received",
  FromCity: "SAN FRANCISCO",
  Body: "Where is my order?",
  FromCountry: "US",
  To: businessNumber,
  ToZip: "94105",
  NumSegments: "1",
  MessageSid: smsSid,
  AccountSid: accountSid,
  From: customerNumber,
  ApiVersion: "2010-04-01",
};

export const inboundWhatsapp: Record<string, string> = {
  SmsMessageSid: smsSid,
  NumMedia: "0",
  ProfileName: "Ana Lima",
  SmsSid: smsSid,
  WaId: "15551234567",
  SmsStatus: "received",
  Body: "Hi! I need help",
  To: `whatsapp:${businessNumber}`,
  NumSegments: "1",
  ReferralNumMedia: "0",
  MessageSid: smsSid,
  AccountSid: accountSid,
  From: `whatsapp:${customerNumber}`,
  ApiVersion: "2010-04-01",
};

export function mediaUrl(index: number): string {
  return `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages/${mmsSid}/Media/ME${index}0c7a1b2c3d4e5f60718293a4b5c6d7e`;
}

export function statusCallback(status: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SmsSid: smsSid,
    SmsStatus: status,
    MessageStatus: status,
    To: customerNumber,
    MessageSid: smsSid,
    AccountSid: accountSid,
    From: businessNumber,
    ApiVersion: "2010-04-01",
    ...extra,
  };
}

/** A webhook as the route hands it over, signed with the SDK unless a signature is given. */
export function signedWebhook(
  form: TwilioForm | Array<[string, string]>,
  options: { url?: string; token?: string; signature?: string | null; contentType?: string } = {},
): ReceivedWebhook {
  const entries = Array.isArray(form)
    ? form
    : Object.entries(form).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
      );
  const url = options.url ?? webhookUrl;
  const params: TwilioForm = {};
  for (const [name, value] of entries) {
    const previous = params[name];
    params[name] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(options.token ?? authToken, url, params)
      : options.signature;
  return {
    method: "POST",
    url,
    headers: {
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
      ...(signature === null ? {} : { "x-twilio-signature": signature }),
    },
    rawBody: Buffer.from(new URLSearchParams(entries).toString()),
    query: Object.fromEntries(new URL(url).searchParams),
  };
}
