import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signMessagebirdWebhook } from "../../../test/providers/messagebird-provider.ts";
import type { ConnectionForAdapter, ReceivedWebhook } from "../messaging/messaging-adapter.ts";
import { messagebirdAdapter } from "./messagebird-adapter.ts";

const signingKey = "a-messagebird-signing-key";
const webhookUrl = "https://parley.example.com/v1/channels/messagebird/0b3a/webhook?tenant=acme";
const body = JSON.stringify({ type: "message.created", message: { id: "abc" } });
const now = Date.UTC(2026, 11, 7, 12, 0, 0);

const connection: ConnectionForAdapter = {
  id: "connection-1",
  provider: "messagebird",
  kind: "whatsapp",
  address: "619747f69cf940a98fb443140ce9aed2",
  apiBaseUrl: "https://conversations.messagebird.com",
  credentials: { accessKey: "live_access_key", signingKey },
};

function webhook(token: string | undefined, options: { url?: string; body?: string } = {}): ReceivedWebhook {
  return {
    method: "POST",
    url: options.url ?? webhookUrl,
    headers: { "content-type": "application/json", "messagebird-signature-jwt": token },
    rawBody: Buffer.from(options.body ?? body),
    query: {},
  };
}

const sha256Hex = (data: string) => createHash("sha256").update(data).digest("hex");

/** A token with chosen claims, signed with jose like MessageBird signs them. */
function token(claims: Record<string, unknown>, options: { key?: string; algorithm?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.algorithm ?? "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(options.key ?? signingKey));
}

const nowSeconds = now / 1000;
const goodClaims = {
  iss: "MessageBird",
  nbf: nowSeconds,
  exp: nowSeconds + 60,
  jti: "59a244dc-e9ad-4e23-9778-371faa238f72",
  url_hash: sha256Hex(webhookUrl),
  payload_hash: sha256Hex(body),
};

function verify(received: ReceivedWebhook, at = now) {
  return messagebirdAdapter.verify(received, connection, at);
}

describe("MessageBird-Signature-JWT", () => {
  it("accepts a webhook signed by the test provider with jose", async () => {
    const signed = await signMessagebirdWebhook(signingKey, webhookUrl, body, { now });
    expect(verify(webhook(signed))).toEqual({ ok: true });
  });

  it("accepts a token within the 5-second clock tolerance, and not beyond it", async () => {
    const signed = await token(goodClaims);
    expect(verify(webhook(signed), now + 64_000)).toEqual({ ok: true });
    expect(verify(webhook(signed), now + 66_000)).toMatchObject({ ok: false, status: 403 });
    expect(verify(webhook(signed), now - 4_000)).toEqual({ ok: true });
    expect(verify(webhook(signed), now - 6_000)).toMatchObject({ ok: false, status: 403 });
  });

  it("answers 401 when the header is missing or empty", () => {
    expect(verify(webhook(undefined))).toEqual({
      ok: false,
      status: 401,
      reason: "the MessageBird-Signature-JWT header is missing",
    });
    expect(verify(webhook("  "))).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a token signed with another key", async () => {
    const signed = await signMessagebirdWebhook(signingKey, webhookUrl, body, {
      now,
      signature: "wrong-key",
    });
    expect(verify(webhook(signed))).toEqual({
      ok: false,
      status: 403,
      reason: "the MessageBird-Signature-JWT signature does not match the signing key",
    });
  });

  it("refuses an expired token and one not valid yet, saying which", async () => {
    const expired = await signMessagebirdWebhook(signingKey, webhookUrl, body, { now, signature: "expired" });
    expect(verify(webhook(expired))).toMatchObject({
      status: 403,
      reason: expect.stringContaining("expired"),
    });
    const early = await signMessagebirdWebhook(signingKey, webhookUrl, body, {
      now,
      signature: "not-yet-valid",
    });
    expect(verify(webhook(early))).toMatchObject({
      status: 403,
      reason: expect.stringContaining("not valid yet"),
    });
  });

  it("refuses a replay of a genuine request once its minute is over", async () => {
    const signed = await signMessagebirdWebhook(signingKey, webhookUrl, body, { now });
    expect(verify(webhook(signed), now + 10 * 60_000)).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses another issuer", async () => {
    const signed = await signMessagebirdWebhook(signingKey, webhookUrl, body, {
      now,
      signature: "wrong-issuer",
    });
    expect(verify(webhook(signed))).toMatchObject({ status: 403, reason: expect.stringContaining("issuer") });
  });

  it("refuses a token made for another URL, another query string or another body", async () => {
    const signed = await signMessagebirdWebhook(signingKey, webhookUrl, body, { now });
    expect(verify(webhook(signed, { url: webhookUrl.replace("acme", "other") }))).toMatchObject({
      status: 403,
      reason: "the MessageBird-Signature-JWT url_hash does not match the webhook URL",
    });
    expect(verify(webhook(signed, { url: webhookUrl.replace("https:", "http:") }))).toMatchObject({
      status: 403,
    });
    expect(verify(webhook(signed, { body: body.replace("abc", "abd") }))).toMatchObject({
      status: 403,
      reason: "the MessageBird-Signature-JWT payload_hash does not match the body",
    });
  });

  it("requires payload_hash when there is a body, and url_hash and exp always", async () => {
    const { payload_hash: _payload, ...withoutPayloadHash } = goodClaims;
    expect(verify(webhook(await token(withoutPayloadHash)))).toMatchObject({
      status: 403,
      reason: expect.stringContaining("no payload_hash"),
    });
    expect(verify(webhook(await token(withoutPayloadHash), { body: "" }))).toEqual({ ok: true });

    const { url_hash: _url, ...withoutUrlHash } = goodClaims;
    expect(verify(webhook(await token(withoutUrlHash)))).toMatchObject({
      reason: expect.stringContaining("url_hash"),
    });
    const { exp: _exp, ...withoutExpiry } = goodClaims;
    expect(verify(webhook(await token(withoutExpiry)))).toMatchObject({
      reason: expect.stringContaining("no exp"),
    });
  });

  it("refuses unsigned tokens, public-key algorithms and garbage", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const claims = Buffer.from(JSON.stringify(goodClaims)).toString("base64url");
    expect(verify(webhook(`${header}.${claims}.`))).toMatchObject({
      status: 403,
      reason: expect.stringContaining("not an HMAC algorithm"),
    });
    const rs256 = Buffer.from(JSON.stringify({ alg: "RS256" })).toString("base64url");
    expect(verify(webhook(`${rs256}.${claims}.c2lnbmF0dXJl`))).toMatchObject({ status: 403 });
    expect(verify(webhook("not-a-jwt"))).toMatchObject({
      status: 403,
      reason: expect.stringContaining("not a signed JWT"),
    });
    expect(verify(webhook("e30.e30.e30.e30"))).toMatchObject({ status: 403 });
    expect(verify(webhook("%%%.%%%.%%%"))).toMatchObject({ status: 403 });
  });

  it("accepts the HS384 and HS512 MessageBird's SDKs also accept", async () => {
    expect(verify(webhook(await token(goodClaims, { algorithm: "HS384" })))).toEqual({ ok: true });
    expect(verify(webhook(await token(goodClaims, { algorithm: "HS512" })))).toEqual({ ok: true });
  });

  it("lets nothing in when the connection has no signing key", async () => {
    const signed = await signMessagebirdWebhook(signingKey, webhookUrl, body, { now });
    const withoutKey = { ...connection, credentials: { accessKey: "live_access_key" } };
    expect(messagebirdAdapter.verify(webhook(signed), withoutKey, now)).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

/**
 * Tokens from MessageBird's published signature reference (go-rest-api, signature_jwt/testdata/
 * reference.json), which its SDKs in every language test against.
 */
describe("MessageBird's reference tokens", () => {
  const referenceKey = "36efdd1aace2e26cd490f0d951138253bef2f7c6d34d18981da781555cc4cebb";
  const referenceTime = Date.parse("2021-07-05T12:00:00+02:00");
  const referenceConnection = { ...connection, credentials: { accessKey: "", signingKey: referenceKey } };
  const check = (token: string, url: string, payload: string) =>
    messagebirdAdapter.verify(
      {
        method: "POST",
        url,
        headers: { "messagebird-signature-jwt": token },
        rawBody: Buffer.from(payload),
        query: {},
      },
      referenceConnection,
      referenceTime,
    );

  it("accepts the valid token with URL parameters and a payload", () => {
    const valid =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJNZXNzYWdlQmlyZCIsIm5iZiI6MTYyNTQ3OTIwMCwiZXhwIjoxNjI1NDc5MjYwLCJqdGkiOiI5M2U1NTAwNi1hMGU4LTQ1MjYtYTE5MC1mYTVmZjAwZWExMTYiLCJ1cmxfaGFzaCI6IjQxZjA1ZjBkZGQwYTIyYWIyMDlhYzQ2ZjQ3YzQ1NzJkOWNlZmEyNTdlZDc0YjI0MDA0YmFlNzUzZWNlNmMyNjAiLCJwYXlsb2FkX2hhc2giOiJkZmZkNjAyMWJiMmJkNWIwYWY2NzYyOTA4MDllYzNhNTMxOTFkZDgxYzdmNzBhNGIyODY4OGEzNjIxODI5ODZmIn0._H--TOuYFLpeEH39-rg5E3IHVkjHozBcaKVWPRC5m9I";
    expect(check(valid, "https://example.com/path?bar=1&foo=2", "Hello, World!")).toEqual({ ok: true });
    expect(check(valid, "https://example.com/path?bar=1&foo=2", "Hello, World?")).toMatchObject({
      ok: false,
    });
  });

  it("refuses the expired, early, wrong-URL and wrong-payload tokens", () => {
    const early =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJNZXNzYWdlQmlyZCIsIm5iZiI6MTYyNTQ4MjgwMCwiZXhwIjoxNjI1NDgyODYwLCJqdGkiOiJmOWY4YzM4Mi0yNDQ5LTQzMTEtYjcyYi0xZGY3MTY4NzkzMWUiLCJ1cmxfaGFzaCI6IjBmMTE1ZGIwNjJiN2MwZGQwMzBiMTY4NzhjOTlkZWE1YzM1NGI0OWRjMzdiMzhlYjg4NDYxNzljNzc4M2U5ZDcifQ.ZELgDFNGhjZH9CffQKcq3sytBe2I0KciLxpBhcfstHQ";
    expect(check(early, "https://example.com/", "")).toMatchObject({
      reason: expect.stringContaining("not valid yet"),
    });
    const expired =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJNZXNzYWdlQmlyZCIsIm5iZiI6MTYyNTQ3NTYwMCwiZXhwIjoxNjI1NDc1NjYwLCJqdGkiOiI1ZjAyZjUyMi02MDMwLTQ2YzgtYjVhMy0wMTI0NjQ3OGQ4YmMiLCJ1cmxfaGFzaCI6IjBmMTE1ZGIwNjJiN2MwZGQwMzBiMTY4NzhjOTlkZWE1YzM1NGI0OWRjMzdiMzhlYjg4NDYxNzljNzc4M2U5ZDcifQ.45MSST3B_2PsjNUeiuW54_vUQgVw4rBXrdWrOUEz3lM";
    expect(check(expired, "https://example.com/", "")).toMatchObject({
      reason: expect.stringContaining("expired"),
    });
    const otherUrl =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJNZXNzYWdlQmlyZCIsIm5iZiI6MTYyNTQ3OTIwMCwiZXhwIjoxNjI1NDc5MjYwLCJqdGkiOiJhNzVjOTA5Ni1lODIzLTQ0MmItODVmMi03ZDNjOWQ5YjcyNmIiLCJ1cmxfaGFzaCI6IjZhMDIyZDgzNGMxODMzMGJhYWQ4YTJiZDYxMzUxNzNlZDIxNjEwYTQ1NDUxNmJlMGRmM2YxY2MwMTUxNjEwZWEifQ.z6Sw1XQIM0wuEQGBhXBdawDIIrtMg2XnmA_bpDq53pE";
    expect(check(otherUrl, "https://example.com/path?foo=1&bar=2", "")).toMatchObject({
      reason: expect.stringContaining("url_hash"),
    });
    const otherPayload =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJNZXNzYWdlQmlyZCIsIm5iZiI6MTYyNTQ3OTIwMCwiZXhwIjoxNjI1NDc5MjYwLCJqdGkiOiIxNDUwMTUzMi05NmYyLTQ2ODQtOTgzMi02OGYwOTUxYWUzNDIiLCJ1cmxfaGFzaCI6IjBmMTE1ZGIwNjJiN2MwZGQwMzBiMTY4NzhjOTlkZWE1YzM1NGI0OWRjMzdiMzhlYjg4NDYxNzljNzc4M2U5ZDciLCJwYXlsb2FkX2hhc2giOiJmYjYyZjAyYWNkYTdkNzQxNzdhNzAxYTFjZTAwNmU2YmFjZDkwYzdkNGQ3YWI0ODE2OTJjMWRhNDdjODEwNzZiIn0.m79RCwO6dGa9pvzsQypkVuXQ6eM0CkRl6_U7MfWg6TM";
    expect(check(otherPayload, "https://example.com/", "Hello, World!")).toMatchObject({
      reason: expect.stringContaining("payload_hash"),
    });
  });
});
