import { describe, expect, it } from "vitest";
import { WebhookPayloadError } from "../messaging/messaging-adapter.ts";
import { parseTwilioForm } from "./converter.ts";
import {
  businessNumber,
  customerNumber,
  inboundSms,
  inboundWhatsapp,
  mediaUrl,
  mmsSid,
  smsSid,
  statusCallback,
} from "./test-fixtures.ts";
import type { TwilioForm } from "./verifier.ts";

const now = Date.UTC(2026, 11, 8, 9, 30);

function inboundContent(form: TwilioForm, kind: "sms" | "whatsapp" = "sms") {
  const parsed = parseTwilioForm(form, kind, now);
  expect(parsed.statuses).toEqual([]);
  return parsed.messages[0]?.content;
}

function payloadError(form: TwilioForm, kind: "sms" | "whatsapp" = "sms"): { pointer: string; rule: string } {
  try {
    parseTwilioForm(form, kind, now);
  } catch (error) {
    if (error instanceof WebhookPayloadError) return { pointer: error.pointer, rule: error.rule };
    throw error;
  }
  throw new Error("the form was accepted");
}

describe("reading Twilio's inbound messages", () => {
  it("reads an SMS, ignoring the geography fields it does not need", () => {
    expect(parseTwilioForm(inboundSms, "sms", now)).toEqual({
      messages: [
        {
          providerMessageId: smsSid,
          from: customerNumber,
          to: businessNumber,
          receivedAt: now,
          content: { type: "text", text: "Where is my order?" },
        },
      ],
      statuses: [],
    });
  });

  it("reads a WhatsApp message without the whatsapp: prefix, with the customer's profile name", () => {
    const [message] = parseTwilioForm(inboundWhatsapp, "whatsapp", now).messages;
    expect(message).toMatchObject({
      from: customerNumber,
      to: businessNumber,
      profileName: "Ana Lima",
      content: { type: "text", text: "Hi! I need help" },
    });
  });

  it("reads an MMS's files in order, with the text as their caption", () => {
    const form = {
      ...inboundSms,
      MessageSid: mmsSid,
      NumMedia: "2",
      Body: "The box arrived like this",
      MediaUrl0: mediaUrl(0),
      MediaContentType0: "image/jpeg",
      MediaUrl1: mediaUrl(1),
      MediaContentType1: "video/mp4",
    };
    expect(inboundContent(form)).toEqual({
      type: "media",
      media: [
        { url: mediaUrl(0), mediaType: "image/jpeg" },
        { url: mediaUrl(1), mediaType: "video/mp4" },
      ],
      caption: "The box arrived like this",
    });
  });

  it("reads a WhatsApp file sent without text as media without a caption", () => {
    const form = {
      ...inboundWhatsapp,
      NumMedia: "1",
      Body: "",
      MediaUrl0: mediaUrl(0),
      MediaContentType0: "application/pdf",
    };
    expect(inboundContent(form, "whatsapp")).toEqual({
      type: "media",
      media: [{ url: mediaUrl(0), mediaType: "application/pdf" }],
    });
  });

  it("reads a tapped quick-reply button as a choice", () => {
    const form = {
      ...inboundWhatsapp,
      Body: "Track my order",
      ButtonText: "Track my order",
      ButtonPayload: "track",
    };
    expect(inboundContent(form, "whatsapp")).toEqual({
      type: "choice",
      optionId: "track",
      label: "Track my order",
    });
  });

  it("reads a shared location with its label and address", () => {
    const form = {
      ...inboundWhatsapp,
      Body: "",
      Latitude: "37.7879277",
      Longitude: "-122.4081696",
      Label: "Union Square",
      Address: "333 Post St, San Francisco, CA 94108",
    };
    expect(inboundContent(form, "whatsapp")).toEqual({
      type: "location",
      latitude: 37.7879277,
      longitude: -122.4081696,
      label: "Union Square, 333 Post St, San Francisco, CA 94108",
    });
    const bare = { ...inboundWhatsapp, Body: "", Latitude: "-33.8688", Longitude: "151.2093" };
    expect(inboundContent(bare, "whatsapp")).toEqual({
      type: "location",
      latitude: -33.8688,
      longitude: 151.2093,
    });
  });

  it("describes a message with nothing in it rather than inventing text", () => {
    expect(inboundContent({ ...inboundSms, Body: "  " })).toEqual({
      type: "unsupported",
      description: "an empty message",
    });
  });

  it("takes a body of exactly 1600 characters, emoji counted as one", () => {
    const body = `${"a".repeat(1598)}👍👍`;
    expect(inboundContent({ ...inboundSms, Body: body })).toEqual({ type: "text", text: body });
  });
});

describe("refusing malformed inbound forms", () => {
  it.each([
    [{ ...inboundSms, MessageSid: undefined }, "/MessageSid", "is required"],
    [
      { ...inboundSms, MessageSid: "SM123" },
      "/MessageSid",
      "must be SM or MM followed by 32 hexadecimal digits",
    ],
    [
      { ...inboundSms, MessageSid: `CA${"0".repeat(32)}` },
      "/MessageSid",
      "must be SM or MM followed by 32 hexadecimal digits",
    ],
    [{ ...inboundSms, From: "" }, "/From", "is required"],
    [{ ...inboundSms, To: undefined }, "/To", "is required"],
    [{ ...inboundSms, Body: "a".repeat(1601) }, "/Body", "must be at most 1600 characters"],
    [{ ...inboundSms, NumMedia: "many" }, "/NumMedia", "must be a whole number from 0 to 10"],
    [{ ...inboundSms, NumMedia: "11" }, "/NumMedia", "must be a whole number from 0 to 10"],
    [{ ...inboundSms, NumMedia: "1" }, "/MediaUrl0", "is required"],
    [
      { ...inboundSms, NumMedia: "1", MediaUrl0: "ftp://files/1" },
      "/MediaUrl0",
      "must be an http or https URL",
    ],
    [{ ...inboundSms, NumMedia: "1", MediaUrl0: mediaUrl(0) }, "/MediaContentType0", "is required"],
    [
      { ...inboundSms, NumMedia: "1", MediaUrl0: mediaUrl(0), MediaContentType0: "jpeg" },
      "/MediaContentType0",
      "must be a media type such as image/jpeg",
    ],
    [{ ...inboundSms, Latitude: "91", Longitude: "0" }, "/Latitude", "must be a number from -90 to 90"],
    [{ ...inboundSms, Latitude: "10", Longitude: "east" }, "/Longitude", "must be a number from -180 to 180"],
    [{ ...inboundSms, Latitude: "10" }, "/Longitude", "is required with a location"],
  ])("%#: names %s", (form, pointer, rule) => {
    const defined = Object.fromEntries(
      Object.entries(form).filter(([, value]) => value !== undefined),
    ) as TwilioForm;
    expect(payloadError(defined)).toEqual({ pointer, rule });
  });

  it("refuses a field sent twice where Twilio sends it once", () => {
    expect(payloadError({ ...inboundSms, MessageSid: [smsSid, mmsSid] })).toEqual({
      pointer: "/MessageSid",
      rule: "must be sent once",
    });
  });

  it("refuses WhatsApp addresses on an SMS connection and phone numbers on a WhatsApp one", () => {
    expect(payloadError(inboundWhatsapp, "sms")).toEqual({
      pointer: "/From",
      rule: "must be a phone number on an SMS connection, not a whatsapp: address",
    });
    expect(payloadError(inboundSms, "whatsapp")).toEqual({
      pointer: "/From",
      rule: "must be a whatsapp: address on a WhatsApp connection",
    });
    expect(payloadError({ ...inboundWhatsapp, From: "whatsapp:" }, "whatsapp")).toEqual({
      pointer: "/From",
      rule: "is required",
    });
  });
});

describe("reading Twilio's status callbacks", () => {
  it.each(["accepted", "queued", "sending", "scheduled", "a-status-twilio-adds-later"])(
    "ignores %s, which Parley already counts as pending or does not know",
    (status) => {
      expect(parseTwilioForm(statusCallback(status), "sms", now)).toEqual({ messages: [], statuses: [] });
    },
  );

  it.each(["sent", "delivered", "read"] as const)("reports %s for the message Parley sent", (status) => {
    expect(parseTwilioForm(statusCallback(status), "sms", now)).toEqual({
      messages: [],
      statuses: [{ providerMessageId: smsSid, status, at: now }],
    });
  });

  it("reports an undelivered message as failed with Twilio's code and its title", () => {
    const form = statusCallback("undelivered", {
      ErrorCode: "30003",
      ErrorMessage: "Unreachable handset +15551234567",
    });
    expect(parseTwilioForm(form, "sms", now).statuses).toEqual([
      {
        providerMessageId: smsSid,
        status: "failed",
        at: now,
        error: "Twilio error 30003: Unreachable destination handset",
      },
    ]);
  });

  it("reports codes it has no title for by number, and failures without a code by status", () => {
    const [unknownCode] = parseTwilioForm(
      statusCallback("failed", { ErrorCode: "63032" }),
      "whatsapp",
      now,
    ).statuses;
    expect(unknownCode?.error).toBe("Twilio error 63032 (failed)");
    const [noCode] = parseTwilioForm(statusCallback("canceled"), "sms", now).statuses;
    expect(noCode).toMatchObject({ status: "failed", error: "Twilio reported the message canceled" });
  });

  it("reads a WhatsApp read receipt with Twilio's channel fields", () => {
    const form = statusCallback("read", {
      To: `whatsapp:${customerNumber}`,
      From: `whatsapp:${businessNumber}`,
      ChannelPrefix: "whatsapp",
      ChannelToAddress: customerNumber,
    });
    expect(parseTwilioForm(form, "whatsapp", now).statuses).toEqual([
      { providerMessageId: smsSid, status: "read", at: now },
    ]);
  });

  it("refuses a status callback without a valid sid or with a malformed error code", () => {
    expect(payloadError({ ...statusCallback("delivered"), MessageSid: "" })).toEqual({
      pointer: "/MessageSid",
      rule: "is required",
    });
    expect(payloadError(statusCallback("failed", { ErrorCode: "30003; drop table" }))).toEqual({
      pointer: "/ErrorCode",
      rule: "must be a number",
    });
  });

  it("treats a form marked received as the customer's message, not a status callback", () => {
    const parsed = parseTwilioForm({ ...inboundSms, MessageStatus: "received" }, "sms", now);
    expect(parsed.messages).toHaveLength(1);
    expect(parsed.statuses).toEqual([]);
  });
});
