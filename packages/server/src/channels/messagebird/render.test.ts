import type { OutboundMessage } from "@parley/engine";
import { describe, expect, it } from "vitest";
import { plainTextOf, smsSegmentsOf } from "../messaging/message-text.ts";
import type { ConnectionForAdapter, OutgoingPart, SendTarget } from "../messaging/messaging-adapter.ts";
import { messagebirdAdapter } from "./messagebird-adapter.ts";

const channelId = "619747f69cf940a98fb443140ce9aed2";
const whatsapp: ConnectionForAdapter = {
  id: "connection-1",
  provider: "messagebird",
  kind: "whatsapp",
  address: channelId,
  apiBaseUrl: "https://conversations.messagebird.com",
  credentials: { accessKey: "live_access_key", signingKey: "signing-key" },
};
const sms: ConnectionForAdapter = { ...whatsapp, kind: "sms" };
const whatsappTarget: SendTarget = {
  to: "+31612345678",
  channel: "messagebird_whatsapp",
  withinServiceWindow: true,
};
const smsTarget: SendTarget = { to: "+31612345678", channel: "sms", withinServiceWindow: false };

function partsOf(message: OutboundMessage, connection = whatsapp, target = whatsappTarget): OutgoingPart[] {
  const rendered = messagebirdAdapter.render(message, target, connection);
  if ("failure" in rendered) throw new Error(`render failed: ${rendered.failure}`);
  return rendered.parts;
}

const textOf = (part: OutgoingPart) => (part.body.content as { text: string }).text;

/** A text without its whitespace, so pieces can be checked to carry all of it whatever the split points. */
const letters = (text: string) => text.replace(/\s+/g, "");

describe("rendering for MessageBird", () => {
  it("sends a short WhatsApp text as one text message from the channel", () => {
    const parts = partsOf({ kind: "text", text: "Your order ships tomorrow." });
    expect(parts).toEqual([
      {
        body: {
          to: "+31612345678",
          from: channelId,
          type: "text",
          content: { text: "Your order ships tomorrow." },
        },
        summary: "text",
      },
    ]);
  });

  it("counts an SMS's segments and says so in the summary", () => {
    const [part] = partsOf({ kind: "text", text: "Your order ships tomorrow." }, sms, smsTarget);
    const { encoding, segments } = smsSegmentsOf("Your order ships tomorrow.");
    expect(part?.segments).toBe(segments);
    expect(part?.summary).toBe(`text, ${segments} segment${segments === 1 ? "" : "s"} (${encoding})`);
  });

  it("sends SMS even 24 hours after the customer's last message, which is only WhatsApp's rule", () => {
    expect(partsOf({ kind: "text", text: "Still there?" }, sms, smsTarget)).toHaveLength(1);
  });

  it("splits an SMS over 1600 characters into parts within the limit", () => {
    const sentence = "Envíe su número de pedido y le diremos dónde está. ";
    const text = sentence.repeat(80).trim();
    const parts = partsOf({ kind: "text", text }, sms, smsTarget);
    expect(parts.length).toBeGreaterThan(1);
    for (const [index, part] of parts.entries()) {
      expect(textOf(part).length).toBeLessThanOrEqual(1600);
      expect(part.segments).toBe(smsSegmentsOf(textOf(part)).segments);
      expect(part.summary).toContain(`part ${index + 1} of ${parts.length}`);
    }
    expect(letters(parts.map(textOf).join(""))).toBe(letters(text));
  });

  it("splits a WhatsApp text over 4096 characters", () => {
    const text = "Tracking details follow. ".repeat(400).trim();
    const parts = partsOf({ kind: "text", text });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(textOf(part).length).toBeLessThanOrEqual(4096);
    expect(letters(parts.map(textOf).join(""))).toBe(letters(text));
  });

  it("writes choices as the shared numbered text, for SMS and WhatsApp alike", () => {
    const buttons: OutboundMessage = {
      kind: "buttons",
      text: "What can we help with?",
      options: [
        { id: "track", label: "Track my order" },
        { id: "return", label: "Return an item" },
      ],
    };
    expect(partsOf(buttons).map(textOf).join("")).toBe(plainTextOf(buttons, "whatsapp"));
    expect(partsOf(buttons, sms, smsTarget).map(textOf).join("")).toBe(plainTextOf(buttons, "sms"));
  });

  it.each([
    ["image/jpeg", "image"],
    ["image/png", "image"],
    ["video/mp4", "video"],
    ["audio/ogg", "audio"],
    ["application/pdf", "file"],
    ["image/gif", "file"],
  ])("sends a %s attachment on WhatsApp as %s media with its caption", (mediaType, type) => {
    const url = "https://files.example.com/a/receipt";
    const parts = partsOf({ kind: "attachment", attachment: { url, mediaType }, caption: "Your receipt" });
    expect(parts).toEqual([
      {
        body: {
          to: "+31612345678",
          from: channelId,
          type,
          content: { [type]: { url, caption: "Your receipt" } },
        },
        summary: `${type} with caption`,
      },
    ]);
  });

  it("sends a caption too long for media as text after it", () => {
    const caption = "A very detailed caption. ".repeat(60).trim();
    const parts = partsOf({
      kind: "attachment",
      attachment: { url: "https://files.example.com/photo.jpg", mediaType: "image/jpeg" },
      caption,
    });
    expect(parts[0]?.body.content).toEqual({ image: { url: "https://files.example.com/photo.jpg" } });
    expect(letters(parts.slice(1).map(textOf).join(""))).toBe(letters(caption));
  });

  it("sends a file on SMS as text, the channel carrying no media", () => {
    const message: OutboundMessage = {
      kind: "attachment",
      attachment: { url: "https://files.example.com/a.pdf", mediaType: "application/pdf", name: "a.pdf" },
    };
    const parts = partsOf(message, sms, smsTarget);
    expect(parts.every((part) => part.body.type === "text")).toBe(true);
    expect(parts.map(textOf).join("")).toBe(plainTextOf(message, "sms"));
  });

  it("refuses WhatsApp messages outside the 24-hour window instead of sending them in vain", () => {
    const rendered = messagebirdAdapter.render(
      { kind: "text", text: "Are you still there?" },
      { ...whatsappTarget, withinServiceWindow: false },
      whatsapp,
    );
    expect(rendered).toEqual({ failure: expect.stringContaining("24-hour") });
  });

  it("records an empty message as a failure rather than sending nothing", () => {
    expect(messagebirdAdapter.render({ kind: "text", text: "" }, whatsappTarget, whatsapp)).toEqual({
      failure: "the message has no text to send",
    });
  });
});
