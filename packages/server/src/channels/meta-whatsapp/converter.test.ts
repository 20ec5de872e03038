import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type ConnectionForAdapter,
  type ReceivedWebhook,
  WebhookPayloadError,
} from "../messaging/messaging-adapter.ts";
import { parseWebhook } from "./converter.ts";

const connection: ConnectionForAdapter = {
  id: "connection-1",
  provider: "meta",
  kind: "whatsapp",
  address: "109876543210987",
  apiBaseUrl: "https://graph.facebook.com/v23.0/",
  credentials: { accessToken: "token", appSecret: "secret", verifyToken: "verify" },
};

// biome-ignore lint/suspicious/noExplicitAny: tests edit Meta's payloads field by field.
type Payload = any;

function fixture(name: string): Buffer {
  return readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url));
}

function webhookOf(rawBody: Buffer | string): ReceivedWebhook {
  return {
    method: "POST",
    url: "https://parley.example.com/v1/channels/meta/connection-1/webhook",
    headers: {},
    rawBody: Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody),
    query: {},
  };
}

function parseFixture(name: string) {
  return parseWebhook(webhookOf(fixture(name)), connection);
}

/** The text fixture with one change made, to test what a malformed delivery is answered with. */
function textWith(change: (payload: Payload) => void): ReceivedWebhook {
  const payload = JSON.parse(fixture("text").toString("utf8"));
  change(payload);
  return webhookOf(JSON.stringify(payload));
}

function refusal(webhook: ReceivedWebhook): { pointer: string; rule: string } {
  try {
    parseWebhook(webhook, connection);
  } catch (error) {
    if (error instanceof WebhookPayloadError) return { pointer: error.pointer, rule: error.rule };
    throw error;
  }
  throw new Error("the webhook was accepted");
}

describe("reading Meta's webhook deliveries", () => {
  it("reads a text message with the customer's number, profile name and time", () => {
    expect(parseFixture("text")).toEqual({
      messages: [
        {
          providerMessageId: "wamid.HBgLMzQ2MTIzNDU2NzgVAgASGBQzRUIwQzlBNUQ2RjE4NzYxMkE0QgA=",
          from: "+34612345678",
          to: "109876543210987",
          profileName: "Lucía Fernández",
          receivedAt: 1765180800_000,
          content: { type: "text", text: "¿Dónde está mi pedido?" },
        },
      ],
      statuses: [],
    });
  });

  it("reads a tapped reply button and a chosen list row as the option's id and title", () => {
    expect(parseFixture("button-reply").messages[0]?.content).toEqual({
      type: "choice",
      optionId: "track_order",
      label: "Track my order",
    });
    const [listReply] = parseFixture("list-reply").messages;
    expect(listReply?.content).toEqual({ type: "choice", optionId: "returns", label: "Devoluções" });
    expect(listReply?.from).toBe("+5511987654321");
  });

  it("reads a template's quick-reply button as the words on it, since its payload is no Parley option", () => {
    expect(parseFixture("template-button").messages[0]?.content).toEqual({
      type: "text",
      text: "Seguir hablando",
    });
  });

  it("reads media as Graph API addresses of the media ids, with type, file name and caption", () => {
    const contents = parseFixture("media").messages.map((message) => message.content);
    expect(contents).toEqual([
      {
        type: "media",
        media: [{ url: "https://graph.facebook.com/v23.0/1287369845512034", mediaType: "image/jpeg" }],
        caption: "The parcel arrived like this",
      },
      {
        type: "media",
        media: [
          {
            url: "https://graph.facebook.com/v23.0/902115638840217",
            mediaType: "application/pdf",
            name: "invoice-2041.pdf",
          },
        ],
      },
      {
        type: "media",
        media: [{ url: "https://graph.facebook.com/v23.0/774510293385611", mediaType: "audio/ogg" }],
      },
      {
        type: "media",
        media: [{ url: "https://graph.facebook.com/v23.0/640028173956402", mediaType: "video/mp4" }],
      },
      {
        type: "media",
        media: [{ url: "https://graph.facebook.com/v23.0/515982204417730", mediaType: "image/webp" }],
      },
    ]);
  });

  it("reads a location, and describes what Parley cannot take", () => {
    const contents = parseFixture("location-and-others").messages.map((message) => message.content);
    expect(contents).toEqual([
      {
        type: "location",
        latitude: 40.4189,
        longitude: -3.6965,
        label: "Oficina central, Calle de Alcalá 42, Madrid",
      },
      { type: "unsupported", description: "a reaction" },
      { type: "unsupported", description: "a message of a type WhatsApp does not pass on to businesses" },
    ]);
  });

  it("names a message type it has never seen by its type", () => {
    const webhook = textWith((payload) => {
      const message = payload.entry[0].changes[0].value.messages[0];
      message.type = "hologram";
      message.hologram = {};
    });
    expect(parseWebhook(webhook, connection).messages[0]?.content).toEqual({
      type: "unsupported",
      description: 'a WhatsApp message of type "hologram"',
    });
  });

  it("reads sent, delivered, read and failed statuses, a failure with its code and title", () => {
    expect(parseFixture("statuses").statuses).toEqual([
      {
        providerMessageId: "wamid.HBgLMzQ2MTIzNDU2NzgVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA",
        status: "sent",
        at: 1765180801_000,
      },
      {
        providerMessageId: "wamid.HBgLMzQ2MTIzNDU2NzgVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA",
        status: "delivered",
        at: 1765180802_000,
      },
      {
        providerMessageId: "wamid.HBgLMzQ2MTIzNDU2NzgVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA",
        status: "read",
        at: 1765180830_000,
      },
      {
        providerMessageId: "wamid.HBgLMzQ2MTIzNDU2NzgVAgARGBJBMkU3QjA0MTlGNkQ4QzU1RjEA",
        status: "failed",
        at: 1765353600_000,
        error: "131047: Re-engagement message",
      },
    ]);
  });

  it("skips a status Parley does not track instead of refusing the batch", () => {
    const payload = JSON.parse(fixture("statuses").toString("utf8"));
    payload.entry[0].changes[0].value.statuses[1].status = "deleted";
    const parsed = parseWebhook(webhookOf(JSON.stringify(payload)), connection);
    expect(parsed.statuses.map((status) => status.status)).toEqual(["sent", "read", "failed"]);
  });

  it("keeps only this number's messages, and skips changes other than messages", () => {
    const parsed = parseFixture("two-numbers");
    expect(parsed.messages.map((message) => message.content)).toEqual([{ type: "text", text: "Hola" }]);
    expect(parsed.statuses).toEqual([]);
  });

  it("matches each message's profile name by WhatsApp id in a batch from several customers", () => {
    const payload = JSON.parse(fixture("text").toString("utf8"));
    const value = payload.entry[0].changes[0].value;
    value.contacts.push({ profile: { name: "Ana Pérez" }, wa_id: "34699111222" });
    value.messages.unshift({ ...value.messages[0], id: "wamid.second", from: "34699111222" });
    value.messages.push({ ...value.messages[1], id: "wamid.third", from: "34600000000" });
    const messages = parseWebhook(webhookOf(JSON.stringify(payload)), connection).messages;
    expect(messages.map((message) => [message.from, message.profileName])).toEqual([
      ["+34699111222", "Ana Pérez"],
      ["+34612345678", "Lucía Fernández"],
      ["+34600000000", undefined],
    ]);
  });

  it("refuses a body that is not JSON, or not about a WhatsApp business account", () => {
    expect(refusal(webhookOf("object=page"))).toEqual({ pointer: "", rule: "must be a JSON document" });
    expect(refusal(webhookOf("[]"))).toEqual({ pointer: "", rule: "must be an object" });
    expect(refusal(textWith((payload) => (payload.object = "page")))).toEqual({
      pointer: "/object",
      rule: 'must be "whatsapp_business_account"',
    });
  });

  it.each([
    ["no entry", (p: Payload) => delete p.entry, "/entry", "is required"],
    [
      "changes not an array",
      (p: Payload) => (p.entry[0].changes = {}),
      "/entry/0/changes",
      "must be an array",
    ],
    [
      "no phone number id",
      (p: Payload) => delete p.entry[0].changes[0].value.metadata.phone_number_id,
      "/entry/0/changes/0/value/metadata/phone_number_id",
      "is required",
    ],
    [
      "a message without id",
      (p: Payload) => delete p.entry[0].changes[0].value.messages[0].id,
      "/entry/0/changes/0/value/messages/0/id",
      "is required",
    ],
    [
      "a sender that is no WhatsApp id",
      (p: Payload) => (p.entry[0].changes[0].value.messages[0].from = "+34 612"),
      "/entry/0/changes/0/value/messages/0/from",
      "must be the customer's WhatsApp id: 5 to 20 digits",
    ],
    [
      "a timestamp in another format",
      (p: Payload) => (p.entry[0].changes[0].value.messages[0].timestamp = "2025-12-08T08:00:00Z"),
      "/entry/0/changes/0/value/messages/0/timestamp",
      "must be Unix seconds (digits)",
    ],
    [
      "a text message without its body",
      (p: Payload) => (p.entry[0].changes[0].value.messages[0].text = {}),
      "/entry/0/changes/0/value/messages/0/text/body",
      "is required",
    ],
    [
      "a reply without its id",
      (p: Payload) => {
        const message = p.entry[0].changes[0].value.messages[0];
        message.type = "interactive";
        message.interactive = { type: "button_reply", button_reply: { title: "Yes" } };
      },
      "/entry/0/changes/0/value/messages/0/interactive/button_reply/id",
      "is required",
    ],
    [
      "an image without its media id",
      (p: Payload) => {
        const message = p.entry[0].changes[0].value.messages[0];
        message.type = "image";
        message.image = { mime_type: "image/jpeg" };
      },
      "/entry/0/changes/0/value/messages/0/image/id",
      "is required",
    ],
    [
      "a location off the globe",
      (p: Payload) => {
        const message = p.entry[0].changes[0].value.messages[0];
        message.type = "location";
        message.location = { latitude: 95, longitude: 0 };
      },
      "/entry/0/changes/0/value/messages/0/location/latitude",
      "must be between -90 and 90",
    ],
    [
      "a contact without WhatsApp id",
      (p: Payload) => delete p.entry[0].changes[0].value.contacts[0].wa_id,
      "/entry/0/changes/0/value/contacts/0/wa_id",
      "is required",
    ],
  ])("refuses %s, naming the field", (_case, change, pointer, rule) => {
    expect(refusal(textWith(change))).toEqual({ pointer, rule });
  });

  it("names the message by its place in a batch", () => {
    const webhook = textWith((payload) => {
      const value = payload.entry[0].changes[0].value;
      value.messages.push({ ...value.messages[0], id: "" });
    });
    expect(refusal(webhook)).toEqual({
      pointer: "/entry/0/changes/0/value/messages/1/id",
      rule: "must not be empty",
    });
  });

  it("refuses a failed status whose error has no numeric code", () => {
    const payload = JSON.parse(fixture("statuses").toString("utf8"));
    payload.entry[0].changes[0].value.statuses[3].errors[0].code = "131047";
    expect(refusal(webhookOf(JSON.stringify(payload)))).toEqual({
      pointer: "/entry/0/changes/0/value/statuses/3/errors/0/code",
      rule: "must be a number",
    });
  });
});
