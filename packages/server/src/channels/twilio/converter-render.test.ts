import type { OutboundMessage } from "@parley/engine";
import { describe, expect, it } from "vitest";
import { plainTextOf, smsSegmentsOf } from "../messaging/message-text.ts";
import type { OutgoingPart, RenderedMessage, SendTarget } from "../messaging/messaging-adapter.ts";
import { renderForTwilio, twilioBodyLimit } from "./converter.ts";
import { businessNumber, connectionFor, customerNumber } from "./test-fixtures.ts";

const sms = connectionFor("sms");
const whatsapp = connectionFor("whatsapp");
const smsTarget: SendTarget = { to: customerNumber, channel: "sms", withinServiceWindow: true };
const whatsappTarget: SendTarget = {
  to: customerNumber,
  channel: "twilio_whatsapp",
  withinServiceWindow: true,
};

function partsOf(rendered: RenderedMessage): OutgoingPart[] {
  if ("failure" in rendered) throw new Error(`not rendered: ${rendered.failure}`);
  return rendered.parts;
}

/** A long answer in sentences, as an AI answer or an article summary reads. */
const longText = Array.from(
  { length: 60 },
  (_, index) => `Sentence ${index + 1} explains one more step of the return process in plain words.`,
).join(" ");

describe("rendering Parley's messages for Twilio SMS", () => {
  it("sends a short text from the connection's number, with its segments", () => {
    const [part, ...rest] = partsOf(
      renderForTwilio({ kind: "text", text: "Your order ships today." }, smsTarget, sms),
    );
    expect(rest).toEqual([]);
    expect(part).toEqual({
      body: { To: customerNumber, From: businessNumber, Body: "Your order ships today." },
      segments: 1,
      summary: "text, 1 segment (GSM-7)",
    });
  });

  it("splits a text over 1600 characters into parts within the limit, each with its own segment count", () => {
    const parts = partsOf(renderForTwilio({ kind: "text", text: longText }, smsTarget, sms));
    expect(longText.length).toBeGreaterThan(twilioBodyLimit * 2);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const bodies = parts.map((part) => String(part.body.Body));
    for (const [index, part] of parts.entries()) {
      expect(bodies[index]?.length).toBeLessThanOrEqual(twilioBodyLimit);
      const { segments, encoding } = smsSegmentsOf(bodies[index] ?? "");
      expect(part.segments).toBe(segments);
      expect(part.summary).toBe(
        `text ${index + 1}/${parts.length}, ${segments} segment${segments === 1 ? "" : "s"} (${encoding})`,
      );
      expect(part.body).toMatchObject({ To: customerNumber, From: businessNumber });
    }
    expect(bodies.join("").replace(/\s/g, "")).toBe(longText.replace(/\s/g, ""));
  });

  it("writes messages other than text in the SMS style of the shared text helpers", () => {
    const message: OutboundMessage = {
      kind: "articles",
      text: "These may help:",
      articles: [{ id: "a1", title: "Returns", url: "https://help.example.com/returns" }],
      options: [{ id: "more", label: "Something else" }],
    };
    const [part] = partsOf(renderForTwilio(message, smsTarget, sms));
    expect(part?.body.Body).toBe(plainTextOf(message, "sms"));
  });

  it("sends SMS regardless of WhatsApp's 24-hour window", () => {
    const rendered = renderForTwilio(
      { kind: "text", text: "Still there?" },
      { ...smsTarget, withinServiceWindow: false },
      sms,
    );
    expect(partsOf(rendered)).toHaveLength(1);
  });

  it("sends a file as MediaUrl with its caption as the body", () => {
    const message: OutboundMessage = {
      kind: "attachment",
      attachment: {
        url: "https://files.example.com/label.pdf",
        mediaType: "application/pdf",
        name: "label.pdf",
      },
      caption: "Your return label",
    };
    expect(partsOf(renderForTwilio(message, smsTarget, sms))).toEqual([
      {
        body: {
          To: customerNumber,
          From: businessNumber,
          Body: "Your return label",
          MediaUrl: "https://files.example.com/label.pdf",
        },
        summary: "file (application/pdf) with caption",
      },
    ]);
  });

  it("sends a caption longer than a body with the file and the rest as text", () => {
    const message: OutboundMessage = {
      kind: "attachment",
      attachment: { url: "https://files.example.com/photo.jpg", mediaType: "image/jpeg" },
      caption: longText,
    };
    const [media, ...texts] = partsOf(renderForTwilio(message, smsTarget, sms));
    expect(media?.body.MediaUrl).toBe("https://files.example.com/photo.jpg");
    expect(texts.length).toBeGreaterThan(0);
    for (const part of [media, ...texts])
      expect(String(part?.body.Body).length).toBeLessThanOrEqual(twilioBodyLimit);
    expect(texts.every((part) => part.body.MediaUrl === undefined)).toBe(true);
  });

  it("refuses a file Twilio could not fetch and a message with nothing to say", () => {
    const relative: OutboundMessage = {
      kind: "attachment",
      attachment: { url: "/v1/files/abc", mediaType: "image/png" },
    };
    expect(renderForTwilio(relative, smsTarget, sms)).toEqual({
      failure: "the file's address /v1/files/abc is not a public http(s) URL that Twilio can fetch",
    });
    expect(renderForTwilio({ kind: "text", text: " \n " }, smsTarget, sms)).toEqual({
      failure: "a text message with no text to send",
    });
  });
});

describe("rendering Parley's messages for Twilio WhatsApp", () => {
  it("addresses both ends with the whatsapp: prefix, once, and counts no SMS segments", () => {
    const connection = connectionFor("whatsapp", { address: `whatsapp:${businessNumber}` });
    const message: OutboundMessage = { kind: "text", text: "Hello! How can we help?" };
    const [part] = partsOf(renderForTwilio(message, whatsappTarget, connection));
    expect(part).toEqual({
      body: {
        To: `whatsapp:${customerNumber}`,
        From: `whatsapp:${businessNumber}`,
        Body: plainTextOf(message, "whatsapp"),
      },
      summary: "text",
    });
  });

  it("writes messages other than text in WhatsApp's style", () => {
    const message: OutboundMessage = {
      kind: "feedback",
      text: "Was this helpful?",
      design: "thumbs",
      options: [
        { id: "yes", label: "Yes" },
        { id: "no", label: "No" },
      ],
    };
    const [part] = partsOf(renderForTwilio(message, whatsappTarget, whatsapp));
    expect(part?.body.Body).toBe(plainTextOf(message, "whatsapp"));
  });

  it("splits long texts into numbered parts within 1600 characters", () => {
    const parts = partsOf(renderForTwilio({ kind: "text", text: longText }, whatsappTarget, whatsapp));
    expect(parts.map((part) => part.summary)).toEqual(
      parts.map((_, index) => `text ${index + 1}/${parts.length}`),
    );
    expect(
      parts.every((part) => String(part.body.Body).length <= twilioBodyLimit && part.segments === undefined),
    ).toBe(true);
  });

  it("records a message outside the 24-hour window as a failure instead of letting Twilio drop it", () => {
    const rendered = renderForTwilio(
      { kind: "text", text: "We have news about your order" },
      { ...whatsappTarget, withinServiceWindow: false },
      whatsapp,
    );
    expect(rendered).toEqual({ failure: expect.stringMatching(/24 hours.*template/) });
  });
});
