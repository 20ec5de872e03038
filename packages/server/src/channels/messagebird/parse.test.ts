import { describe, expect, it } from "vitest";
import {
  type InboundMessagebirdMessage,
  messageCreatedEvent,
  messageUpdatedEvent,
} from "../../../test/providers/messagebird-provider.ts";
import { type ConnectionForAdapter, WebhookPayloadError } from "../messaging/messaging-adapter.ts";
import { messagebirdAdapter } from "./messagebird-adapter.ts";

const channelId = "619747f69cf940a98fb443140ce9aed2";
const connection: ConnectionForAdapter = {
  id: "connection-1",
  provider: "messagebird",
  kind: "whatsapp",
  address: channelId,
  apiBaseUrl: "https://conversations.messagebird.com",
  credentials: { accessKey: "live_access_key", signingKey: "signing-key" },
};
const providerOptions = { channelId, accessKey: "live_access_key", signingKey: "signing-key" };

/** A `message.created` delivery as MessageBird documents it, fractional seconds and all. */
const documentedTextMessage = {
  contact: {
    id: "9354647c5e144a2b9ca10a4e1a5e5c50",
    href: "",
    msisdn: 31612345678,
    displayName: "Ana Souza",
    firstName: "Ana",
    lastName: "Souza",
    customDetails: {},
    attributes: {},
    createdDatetime: "2021-03-02T09:36:10Z",
    updatedDatetime: "2021-03-02T09:36:10Z",
  },
  conversation: {
    id: "2e15efafec384e1c82e9842075e87beb",
    contactId: "9354647c5e144a2b9ca10a4e1a5e5c50",
    status: "active",
    createdDatetime: "2021-03-02T09:36:10Z",
    updatedDatetime: "2021-03-02T09:43:09Z",
    lastReceivedDatetime: "2021-03-02T09:43:09.53284374Z",
    lastUsedChannelId: channelId,
    messages: {
      totalCount: 3,
      href: "https://conversations.messagebird.com/v1/conversations/2e15ef/messages",
    },
  },
  message: {
    id: "5f3a9a2bd7a8462cb8d9d6a9b3d0f6e1",
    conversationId: "2e15efafec384e1c82e9842075e87beb",
    platform: "whatsapp",
    to: "+31201234567",
    from: "+31612345678",
    channelId,
    type: "text",
    content: { text: "Olá, onde está o meu pedido?" },
    direction: "received",
    status: "received",
    createdDatetime: "2021-03-02T09:43:09.53284374Z",
    updatedDatetime: "2021-03-02T09:43:09.53284374Z",
  },
  type: "message.created",
};

function parse(document: unknown, on: ConnectionForAdapter = connection) {
  const rawBody = Buffer.from(typeof document === "string" ? document : JSON.stringify(document));
  return messagebirdAdapter.parse(
    { method: "POST", url: "https://parley.example.com/hook", headers: {}, rawBody, query: {} },
    on,
  );
}

function parseInbound(message: InboundMessagebirdMessage) {
  return parse(messageCreatedEvent(providerOptions, message));
}

function errorOf(document: unknown): { pointer: string; rule: string } {
  try {
    parse(document);
  } catch (error) {
    if (error instanceof WebhookPayloadError) return { pointer: error.pointer, rule: error.rule };
    throw error;
  }
  throw new Error("parse accepted a malformed webhook");
}

/** The documented text message with some fields of its `message` replaced. */
function withMessage(fields: Record<string, unknown>) {
  return { ...documentedTextMessage, message: { ...documentedTextMessage.message, ...fields } };
}

describe("message.created", () => {
  it("reads a customer's text with its sender, channel, time and profile name", () => {
    expect(parse(documentedTextMessage)).toEqual({
      messages: [
        {
          providerMessageId: "5f3a9a2bd7a8462cb8d9d6a9b3d0f6e1",
          from: "+31612345678",
          to: channelId,
          profileName: "Ana Souza",
          receivedAt: Date.parse("2021-03-02T09:43:09.532Z"),
          content: { type: "text", text: "Olá, onde está o meu pedido?" },
        },
      ],
      statuses: [],
    });
  });

  it("writes a bare MSISDN as E.164 and leaves other addresses alone", () => {
    expect(parse(withMessage({ from: "31612345678" })).messages[0]?.from).toBe("+31612345678");
    expect(parse(withMessage({ from: "a1b2c3d4-contact" })).messages[0]?.from).toBe("a1b2c3d4-contact");
  });

  it("gives no profile name when MessageBird only shows the number", () => {
    const [message] = parseInbound({ from: "+5511987654321", text: "oi" }).messages;
    expect(message?.from).toBe("+5511987654321");
    expect(message).not.toHaveProperty("profileName");
  });

  it.each([
    ["image", "image/*"],
    ["video", "video/*"],
    ["audio", "audio/*"],
    ["file", "application/octet-stream"],
  ] as const)("reads %s media with its URL and caption", (type, mediaType) => {
    const url = "https://media.messagebird.com/v1/media/0b8c4b3e-4f56-4f52-9c5e-1d3a43a3f0b7";
    const [message] = parseInbound({
      from: "+31612345678",
      media: { type, url, caption: "my receipt" },
    }).messages;
    expect(message?.content).toEqual({ type: "media", media: [{ url, mediaType }], caption: "my receipt" });
  });

  it("takes a file's name and type from its URL when the URL has them", () => {
    const url = "https://example.com/uploads/Invoice%202026.pdf";
    const [message] = parseInbound({ from: "+31612345678", media: { type: "file", url } }).messages;
    expect(message?.content).toEqual({
      type: "media",
      media: [{ url, mediaType: "application/pdf", name: "Invoice 2026.pdf" }],
    });
  });

  it("reads a location", () => {
    const [message] = parseInbound({
      from: "+31612345678",
      location: { latitude: 52.37, longitude: 4.89 },
    }).messages;
    expect(message?.content).toEqual({ type: "location", latitude: 52.37, longitude: 4.89 });
  });

  it("describes what Parley cannot take", () => {
    const sticker = {
      from: "+31612345678",
      type: "whatsappSticker",
      content: { whatsappSticker: { link: "x" } },
    };
    expect(parseInbound(sticker).messages[0]?.content).toEqual({
      type: "unsupported",
      description: "a MessageBird whatsappSticker message",
    });
  });

  it("skips Parley's own sent messages echoed back and messages of other channels", () => {
    expect(parse(withMessage({ direction: "sent" }))).toEqual({ messages: [], statuses: [] });
    expect(parse(withMessage({ channelId: "another-channel" }))).toEqual({ messages: [], statuses: [] });
    expect(parse(documentedTextMessage, { ...connection, address: "another-channel" }).messages).toEqual([]);
  });
});

describe("message.updated", () => {
  it.each([
    ["sent", "sent"],
    ["delivered", "delivered"],
    ["read", "read"],
    ["failed", "failed"],
    ["rejected", "failed"],
  ])("turns %s into %s", (status, expected) => {
    const { statuses, messages } = parse(messageUpdatedEvent(providerOptions, { messageId: "m-1", status }));
    expect(messages).toEqual([]);
    expect(statuses).toEqual([{ providerMessageId: "m-1", status: expected, at: expect.any(Number) }]);
  });

  it("keeps MessageBird's reason for a failure", () => {
    const failed = messageUpdatedEvent(providerOptions, {
      messageId: "m-2",
      status: "failed",
      error: { code: 470, description: "Message failed to send because more than 24 hours have passed" },
    });
    expect(parse(failed).statuses[0]?.error).toBe(
      "470: Message failed to send because more than 24 hours have passed",
    );
  });

  it("ignores statuses that say nothing new, and other channels' messages", () => {
    for (const status of ["accepted", "pending", "transmitted", "deleted"]) {
      expect(parse(messageUpdatedEvent(providerOptions, { messageId: "m-3", status })).statuses).toEqual([]);
    }
    const other = messageUpdatedEvent(
      { ...providerOptions, channelId: "another" },
      { messageId: "m", status: "read" },
    );
    expect(parse(other).statuses).toEqual([]);
  });

  it("dates the update by updatedDatetime", () => {
    const update = messageUpdatedEvent(providerOptions, { messageId: "m-4", status: "delivered" });
    update.message.updatedDatetime = "2026-12-07T10:00:01.250Z";
    expect(parse(update).statuses[0]?.at).toBe(Date.parse("2026-12-07T10:00:01.250Z"));
  });
});

describe("other events and malformed deliveries", () => {
  it("gives nothing for events Parley does not follow", () => {
    const conversationCreated = {
      type: "conversation.created",
      conversation: documentedTextMessage.conversation,
    };
    expect(parse(conversationCreated)).toEqual({ messages: [], statuses: [] });
  });

  it.each([
    ["not JSON", "{", "", "must be a JSON document"],
    ["a JSON array", [], "", "must be a JSON object"],
    ["no type", { message: documentedTextMessage.message }, "/type", "is required"],
    ["no message", { type: "message.created" }, "/message", "is required"],
    [
      "a message that is a string",
      { type: "message.created", message: "hi" },
      "/message",
      "must be an object",
    ],
    ["no message id", withMessage({ id: undefined }), "/message/id", "is required"],
    ["a numeric message id", withMessage({ id: 42 }), "/message/id", "must be a string"],
    ["no direction", withMessage({ direction: undefined }), "/message/direction", "is required"],
    ["no channel id", withMessage({ channelId: undefined }), "/message/channelId", "is required"],
    ["no sender", withMessage({ from: "" }), "/message/from", "is required"],
    [
      "a bad date",
      withMessage({ createdDatetime: "yesterday" }),
      "/message/createdDatetime",
      "must be an RFC 3339 date-time",
    ],
    ["no type of message", withMessage({ type: undefined }), "/message/type", "is required"],
    ["no content", withMessage({ content: undefined }), "/message/content", "is required"],
    [
      "a text that is not a string",
      withMessage({ content: { text: 7 } }),
      "/message/content/text",
      "must be a string",
    ],
    [
      "an image without URL",
      withMessage({ type: "image", content: { image: {} } }),
      "/message/content/image/url",
      "is required",
    ],
    [
      "a latitude out of range",
      withMessage({ type: "location", content: { location: { latitude: 91, longitude: 0 } } }),
      "/message/content/location/latitude",
      "must be a number from -90 to 90",
    ],
    [
      "a status update without status",
      { type: "message.updated", message: { id: "m" } },
      "/message/status",
      "is required",
    ],
  ])("refuses %s, naming the field", (_name, document, pointer, rule) => {
    expect(errorOf(document)).toEqual({ pointer, rule });
  });
});
