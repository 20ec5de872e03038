import twilio from "twilio";
import type { ConnectionForAdapter, ReceivedWebhook, Verification } from "../messaging/messaging-adapter.ts";

/**
 * A Twilio form as the SDK's signature functions take it: a field sent once is a string, a
 * field sent several times is the array of its values (each value is part of the signature).
 */
export type TwilioForm = Record<string, string | string[]>;

/**
 * Whether the webhook's body is a form. Twilio's messaging webhooks always are; anything else
 * (JSON, XML, a missing content type) cannot be checked field by field, so it is refused.
 */
export function isFormBody(webhook: ReceivedWebhook): boolean {
  const contentType = webhook.headers["content-type"] ?? "";
  return contentType.split(";")[0]?.trim().toLowerCase() === "application/x-www-form-urlencoded";
}

/** The form's fields, repeated ones as arrays, decoded as Twilio encodes them (UTF-8, `+` for space). */
export function readForm(rawBody: Buffer): TwilioForm {
  const form: TwilioForm = {};
  for (const [name, value] of new URLSearchParams(rawBody.toString("utf8"))) {
    const previous = form[name];
    if (previous === undefined) form[name] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else form[name] = [previous, value];
  }
  return form;
}

/**
 * Checks `X-Twilio-Signature` with the official SDK: an HMAC-SHA1 of the URL Twilio was told
 * to call followed by every field, keyed with the account's Auth Token. Every received field
 * counts, including ones Parley does not read, because Twilio adds fields without notice and a
 * signature over a subset would let anyone append their own.
 */
export function verifyTwilioSignature(
  webhook: ReceivedWebhook,
  connection: ConnectionForAdapter,
): Verification {
  const signature = webhook.headers["x-twilio-signature"];
  if (!signature) return { ok: false, status: 401, reason: "the X-Twilio-Signature header is missing" };
  // A SharedKey signature is keyed with a secret Parley does not hold, so the Auth Token check
  // below would fail with a misleading "does not match".
  if (webhook.headers["x-twilio-webhooks-signature-settings"]) {
    return {
      ok: false,
      status: 403,
      reason:
        "the webhook is signed with a Twilio SharedKey (X-Twilio-Webhooks-Signature-Settings); Parley checks signatures made with the Auth Token",
    };
  }
  const authToken = connection.credentials.authToken;
  if (!authToken) {
    return { ok: false, status: 403, reason: "the connection has no Auth Token to check the signature with" };
  }
  if (webhook.method !== "POST" || !isFormBody(webhook)) {
    return {
      ok: false,
      status: 403,
      reason: "the body is not application/x-www-form-urlencoded, so its signature cannot be checked",
    };
  }
  if (!signatureMatches(authToken, signature, webhook)) {
    return {
      ok: false,
      status: 403,
      reason: `X-Twilio-Signature does not match: check the connection's Auth Token and that the webhook URL in Twilio is exactly ${webhook.url}`,
    };
  }
  return { ok: true };
}

function signatureMatches(authToken: string, signature: string, webhook: ReceivedWebhook): boolean {
  try {
    return twilio.validateRequest(authToken, signature, webhook.url, readForm(webhook.rawBody));
  } catch {
    // The SDK parses the URL with `new URL()` when the first comparison fails; a URL it cannot
    // parse was not one Twilio could have called.
    return false;
  }
}
