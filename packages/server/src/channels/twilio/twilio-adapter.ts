import { type MessagingAdapter, WebhookPayloadError } from "../messaging/messaging-adapter.ts";
import { parseTwilioForm, renderForTwilio } from "./converter.ts";
import { sendToTwilio } from "./sender.ts";
import { isFormBody, readForm, verifyTwilioSignature } from "./verifier.ts";

/**
 * SMS and WhatsApp through Twilio Programmable Messaging. Inbound messages and status callbacks
 * arrive as signed forms on the connection's webhook URL; replies go through the REST API rather
 * than the webhook's TwiML answer, because timers, agents and AI answers write long after Twilio
 * has stopped waiting.
 */
export const twilioAdapter: MessagingAdapter = {
  provider: "twilio",
  kinds: ["sms", "whatsapp"],
  channelOf: (kind) => (kind === "sms" ? "sms" : "twilio_whatsapp"),
  credentialNames: { accountSid: "Account SID", authToken: "Auth Token" },
  defaultApiBaseUrl: "https://api.twilio.com",

  // Twilio's signature covers no timestamp, so there is no replay window to check: a replayed
  // message repeats its MessageSid, which the inbound store takes only once.
  verify: (webhook, connection) => verifyTwilioSignature(webhook, connection),

  parse(webhook, connection) {
    if (!isFormBody(webhook))
      throw new WebhookPayloadError("", "must be an application/x-www-form-urlencoded form");
    // Twilio's forms carry no time of their own, so the message is stamped when it is read.
    return parseTwilioForm(readForm(webhook.rawBody), connection.kind, Date.now());
  },

  acknowledgement: () => ({
    status: 200,
    contentType: "text/xml",
    body: "<Response></Response>",
  }),

  render: (message, target, connection) => renderForTwilio(message, target, connection),

  send: (part, _target, connection, options) => sendToTwilio(part, connection, options),
};
