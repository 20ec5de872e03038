import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { ReceivedWebhook, Verification, WebhookAnswer } from "../messaging/messaging-adapter.ts";

export const signatureHeader = "x-hub-signature-256";

/** Meta sends `sha256=` and 64 lower-case hex digits; anything else cannot be a signature. */
const signatureFormat = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Meta's challenge is a number today; digits and letters up to 128 characters leave it room to
 * change while keeping anything an attacker could reflect into the answer (markup, scripts) out.
 */
const challengeFormat = /^[0-9A-Za-z]{1,128}$/;

/** The hex HMAC-SHA256 of the raw body with the app secret, as Meta puts in `X-Hub-Signature-256`. */
export function signatureOf(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

/**
 * Compares two secrets in constant time whatever their lengths: digests are of equal length, so
 * timingSafeEqual never throws and the time taken tells nothing about where they differ.
 */
export function sameSecret(given: string, expected: string): boolean {
  const givenDigest = createHash("sha256").update(given).digest();
  const expectedDigest = createHash("sha256").update(expected).digest();
  return timingSafeEqual(givenDigest, expectedDigest) && given.length === expected.length;
}

/**
 * Checks a delivery's `X-Hub-Signature-256`. Meta signs only the body and sends no timestamp, so
 * there is no replay window to check: a repeated delivery is caught by its message ids instead.
 */
export function verifySignature(webhook: ReceivedWebhook, appSecret: string | undefined): Verification {
  const header = webhook.headers[signatureHeader];
  if (header === undefined || header === "") {
    return { ok: false, status: 401, reason: "the X-Hub-Signature-256 header is missing" };
  }
  if (!appSecret) return { ok: false, status: 403, reason: "the connection has no app secret to check with" };
  const match = signatureFormat.exec(header.trim());
  if (!match?.[1]) {
    return {
      ok: false,
      status: 403,
      reason: "the X-Hub-Signature-256 header is not sha256= and 64 hex digits",
    };
  }
  const given = Buffer.from(match[1].toLowerCase(), "hex");
  const expected = createHmac("sha256", appSecret).update(webhook.rawBody).digest();
  if (!timingSafeEqual(given, expected)) {
    return { ok: false, status: 403, reason: "the X-Hub-Signature-256 signature does not match the body" };
  }
  return { ok: true };
}

function plain(status: number, body: string): WebhookAnswer {
  return { status, contentType: "text/plain", body };
}

/**
 * Meta's subscription check: a GET with `hub.mode=subscribe`, the verify token the admin typed in
 * Meta's console, and a challenge to echo back. Anything else is refused, so nobody can use the
 * webhook URL to tell whether a guessed token is right other than by this one answer.
 */
export function answerHandshake(webhook: ReceivedWebhook, verifyToken: string | undefined): WebhookAnswer {
  const mode = webhook.query["hub.mode"];
  const token = webhook.query["hub.verify_token"] ?? "";
  const challenge = webhook.query["hub.challenge"] ?? "";
  if (mode !== "subscribe" || !verifyToken || !sameSecret(token, verifyToken)) {
    return plain(403, "verification refused");
  }
  if (!challengeFormat.test(challenge)) {
    return plain(400, "hub.challenge must be 1 to 128 letters or digits");
  }
  return plain(200, challenge);
}
