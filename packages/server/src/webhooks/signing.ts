import { createHmac, randomBytes } from "node:crypto";

/** The prefix tells a Parley signing secret apart from the API keys (`prl_`) it sits next to in a vault. */
const secretPrefix = "whsec_";

export function newSigningSecret(): string {
  return `${secretPrefix}${randomBytes(32).toString("base64url")}`;
}

/** Enough of a secret to tell which one a receiver holds, too little to guess the rest. */
export function secretHint(secret: string): string {
  return `${secretPrefix}…${secret.slice(-4)}`;
}

/** Hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the whole secret as UTF-8 text, prefix included. */
export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/**
 * `v1=<hex>`, or one `v1=` per secret separated by commas while a rotated-out secret is still
 * valid: a receiver accepts the delivery when any of them matches a secret it holds.
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  return secrets.map((secret) => `v1=${signature(secret, timestamp, body)}`).join(",");
}
