import type { MessagingAdapter } from "../messaging/messaging-adapter.ts";
import { parseMessagebirdWebhook, renderMessagebirdMessage } from "./converter.ts";
import { sendToMessagebird } from "./sender.ts";
import { verifyMessagebirdSignature } from "./verifier.ts";

/**
 * MessageBird's Conversations API, for SMS and WhatsApp. A connection's address is the
 * MessageBird channel id; webhooks are signed with the account's signing key, requests to the
 * API carry its access key. Both kinds are text-only channels for Parley: the engine turns
 * choices into numbered menus before they get here.
 */
export const messagebirdAdapter: MessagingAdapter = {
  provider: "messagebird",
  kinds: ["sms", "whatsapp"],
  channelOf: (kind) => (kind === "sms" ? "sms" : "messagebird_whatsapp"),
  credentialNames: { accessKey: "Access key", signingKey: "Signing key" },
  defaultApiBaseUrl: "https://conversations.messagebird.com",

  verify(webhook, connection, now) {
    const signingKey = connection.credentials.signingKey;
    // Without a key nothing can be checked, and an unchecked webhook is never let in.
    if (!signingKey)
      return { ok: false, status: 403, reason: "the connection has no MessageBird signing key" };
    return verifyMessagebirdSignature(webhook, signingKey, now);
  },

  parse: parseMessagebirdWebhook,

  acknowledgement: () => ({ status: 200, contentType: "application/json", body: "{}" }),

  render: renderMessagebirdMessage,

  send: (part, _target, connection, options) => sendToMessagebird(part, connection, options),
};
