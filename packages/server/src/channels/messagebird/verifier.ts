import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { base64url, decodeJwt, decodeProtectedHeader, type JWTPayload } from "jose";
import type { ReceivedWebhook, Verification } from "../messaging/messaging-adapter.ts";

/** Lower case, as `ReceivedWebhook.headers` holds every name. */
export const signatureHeaderName = "messagebird-signature-jwt";

/**
 * Seconds a token may be early or late: MessageBird's clock and ours drift, and its official
 * SDKs allow the same 5 s.
 */
export const clockToleranceSeconds = 5;

/**
 * The HMAC algorithms MessageBird's SDKs accept. It signs with HS256 today; the others cost
 * nothing to accept and keep us working if it moves up. `none` and public-key algorithms are
 * refused, so a token cannot choose to be unsigned.
 */
const hashOfAlgorithm: Readonly<Record<string, string>> = {
  HS256: "sha256",
  HS384: "sha384",
  HS512: "sha512",
};

function refused(reason: string): Verification {
  return { ok: false, status: 403, reason };
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Checks `MessageBird-Signature-JWT`: an HMAC-signed JWT whose claims bind it to the webhook
 * URL (`url_hash`), the body (`payload_hash`) and a short time window (`nbf`/`exp`).
 *
 * The contract is synchronous, and jose's `jwtVerify` is asynchronous (WebCrypto), so the
 * signature is checked here with node:crypto while jose decodes the header and claims; tests
 * sign with jose's `SignJWT` and with MessageBird's own reference tokens.
 */
export function verifyMessagebirdSignature(
  webhook: ReceivedWebhook,
  signingKey: string,
  now: number,
): Verification {
  const token = webhook.headers[signatureHeaderName]?.trim();
  if (!token) return { ok: false, status: 401, reason: "the MessageBird-Signature-JWT header is missing" };

  const signed = signatureOf(token, signingKey);
  if (!signed.ok) return signed;

  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    return refused("the MessageBird-Signature-JWT claims are not a JSON object");
  }
  return timeWindowOf(claims, now) ?? bindingOf(claims, webhook) ?? { ok: true };
}

/** The token's structure, algorithm and HMAC, before any claim is trusted. */
function signatureOf(token: string, signingKey: string): Verification {
  const segments = token.split(".");
  if (segments.length !== 3) return refused("the MessageBird-Signature-JWT header is not a signed JWT");
  const [header = "", payload = "", signature = ""] = segments;

  let algorithm: unknown;
  try {
    algorithm = decodeProtectedHeader(token).alg;
  } catch {
    return refused("the MessageBird-Signature-JWT header is not a signed JWT");
  }
  const hash = typeof algorithm === "string" ? hashOfAlgorithm[algorithm] : undefined;
  if (!hash) {
    return refused(
      `the MessageBird-Signature-JWT is signed with ${String(algorithm)}, not an HMAC algorithm`,
    );
  }

  let received: Uint8Array;
  try {
    received = base64url.decode(signature);
  } catch {
    return refused("the MessageBird-Signature-JWT signature does not match the signing key");
  }
  const expected = createHmac(hash, signingKey).update(`${header}.${payload}`).digest();
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return refused("the MessageBird-Signature-JWT signature does not match the signing key");
  }
  return { ok: true };
}

/** Issuer and validity window; undefined when they are fine. */
function timeWindowOf(claims: JWTPayload, now: number): Verification | undefined {
  if (claims.iss !== "MessageBird") {
    return refused(
      `the MessageBird-Signature-JWT issuer is ${JSON.stringify(claims.iss)}, not "MessageBird"`,
    );
  }
  const nowSeconds = now / 1000;
  // Without an expiry a captured request could be replayed for ever; MessageBird always sets one.
  if (typeof claims.exp !== "number") return refused("the MessageBird-Signature-JWT has no exp claim");
  if (claims.exp <= nowSeconds - clockToleranceSeconds) {
    return refused("the MessageBird-Signature-JWT has expired (exp is in the past)");
  }
  if (claims.nbf !== undefined && typeof claims.nbf !== "number") {
    return refused("the MessageBird-Signature-JWT nbf claim is not a number");
  }
  if (claims.nbf !== undefined && claims.nbf > nowSeconds + clockToleranceSeconds) {
    return refused("the MessageBird-Signature-JWT is not valid yet (nbf is in the future)");
  }
  return undefined;
}

/** The URL and body the token was made for; undefined when they are the ones received. */
function bindingOf(claims: JWTPayload, webhook: ReceivedWebhook): Verification | undefined {
  const urlHash = claims.url_hash;
  if (typeof urlHash !== "string") return refused("the MessageBird-Signature-JWT has no url_hash claim");
  if (urlHash.toLowerCase() !== sha256Hex(webhook.url)) {
    return refused("the MessageBird-Signature-JWT url_hash does not match the webhook URL");
  }

  const payloadHash = claims.payload_hash;
  if (payloadHash === undefined) {
    return webhook.rawBody.length === 0
      ? undefined
      : refused("the MessageBird-Signature-JWT has no payload_hash claim but the body is not empty");
  }
  if (typeof payloadHash !== "string" || payloadHash.toLowerCase() !== sha256Hex(webhook.rawBody)) {
    return refused("the MessageBird-Signature-JWT payload_hash does not match the body");
  }
  return undefined;
}
