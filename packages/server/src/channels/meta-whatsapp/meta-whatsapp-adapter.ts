import type { MessagingAdapter } from "../messaging/messaging-adapter.ts";
import { parseWebhook } from "./converter.ts";
import { renderMessage } from "./interactive-messages.ts";
import { sendPart } from "./sender.ts";
import { answerHandshake, verifySignature } from "./verifier.ts";

/**
 * WhatsApp through Meta's Cloud API: the native WhatsApp channel, where reply buttons and lists
 * are shown as such. `connection.address` is the phone number id Meta's console shows for the
 * number (not the number itself); the app's webhook is subscribed to the `messages` field.
 */
export const metaWhatsappAdapter: MessagingAdapter = {
  provider: "meta",
  kinds: ["whatsapp"],
  channelOf(kind) {
    if (kind !== "whatsapp") throw new Error(`Meta's Cloud API carries WhatsApp only, not ${kind}`);
    return "whatsapp";
  },
  credentialNames: {
    accessToken: "Access token (system user)",
    appSecret: "App secret",
    verifyToken: "Verify token (you choose it)",
  },
  defaultApiBaseUrl: "https://graph.facebook.com/v23.0",
  verify: (webhook, connection) => verifySignature(webhook, connection.credentials.appSecret),
  handshake: (webhook, connection) => answerHandshake(webhook, connection.credentials.verifyToken),
  parse: parseWebhook,
  // Meta only wants a quick 2xx; replies go through the messages API.
  acknowledgement: () => ({ status: 200, contentType: "text/plain", body: "" }),
  render: renderMessage,
  // Meta reports delivery to the app's webhook, not to a URL per message: statusCallbackUrl is unused.
  send: (part, _target, connection, options) => sendPart(part, connection, options),
};
