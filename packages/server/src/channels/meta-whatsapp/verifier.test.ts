import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ReceivedWebhook } from "../messaging/messaging-adapter.ts";
import { answerHandshake, sameSecret, verifySignature } from "./verifier.ts";

const appSecret = "6c1b2f0e9a8d47c3b5e1f2a3d4c5b6a7";
const body = '{"object":"whatsapp_business_account","entry":[]}';

/** Signed the way Meta's documentation says, written out here rather than with the code under test. */
function metaSignature(rawBody: string, secret = appSecret): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

function post(headers: Record<string, string | undefined>, rawBody = body): ReceivedWebhook {
  return {
    method: "POST",
    url: "https://parley.example.com/hook",
    headers,
    rawBody: Buffer.from(rawBody),
    query: {},
  };
}

function get(query: Record<string, string>): ReceivedWebhook {
  return {
    method: "GET",
    url: "https://parley.example.com/hook",
    headers: {},
    rawBody: Buffer.alloc(0),
    query,
  };
}

describe("verifying X-Hub-Signature-256", () => {
  it("accepts the HMAC-SHA256 of the raw body with the app secret", () => {
    expect(verifySignature(post({ "x-hub-signature-256": metaSignature(body) }), appSecret)).toEqual({
      ok: true,
    });
  });

  it("checks the bytes as they came, not a re-serialized body", () => {
    const spaced = '{ "object": "whatsapp_business_account", "entry": [] }';
    expect(
      verifySignature(post({ "x-hub-signature-256": metaSignature(spaced) }, spaced), appSecret).ok,
    ).toBe(true);
    expect(verifySignature(post({ "x-hub-signature-256": metaSignature(body) }, spaced), appSecret).ok).toBe(
      false,
    );
  });

  it("accepts the hex digits in upper case", () => {
    const upper = `sha256=${metaSignature(body).slice(7).toUpperCase()}`;
    expect(verifySignature(post({ "x-hub-signature-256": upper }), appSecret).ok).toBe(true);
  });

  it("answers 401 when the signature is missing", () => {
    expect(verifySignature(post({}), appSecret)).toMatchObject({ ok: false, status: 401 });
    expect(verifySignature(post({ "x-hub-signature-256": "" }), appSecret)).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it.each([
    ["another secret", metaSignature(body, "another secret")],
    ["another body", metaSignature(`${body} `)],
    ["the SHA-1 header's format", `sha1=${createHmac("sha1", appSecret).update(body).digest("hex")}`],
    ["a bare digest", metaSignature(body).slice(7)],
    ["a truncated digest", metaSignature(body).slice(0, 40)],
    ["base64", `sha256=${createHmac("sha256", appSecret).update(body).digest("base64")}`],
  ])("answers 403 to a signature made with %s", (_case, signature) => {
    expect(verifySignature(post({ "x-hub-signature-256": signature }), appSecret)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it("refuses everything when the connection has no app secret", () => {
    const signed = post({ "x-hub-signature-256": metaSignature(body, "") });
    expect(verifySignature(signed, "")).toMatchObject({ ok: false, status: 403 });
    expect(verifySignature(signed, undefined)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("Meta's subscription handshake", () => {
  const query = {
    "hub.mode": "subscribe",
    "hub.verify_token": "my own verify token",
    "hub.challenge": "1158201444",
  };

  it("echoes the challenge as plain text when the verify token matches", () => {
    expect(answerHandshake(get(query), "my own verify token")).toEqual({
      status: 200,
      contentType: "text/plain",
      body: "1158201444",
    });
  });

  it.each([
    ["another token", { ...query, "hub.verify_token": "my own verify tokem" }],
    ["a longer token", { ...query, "hub.verify_token": "my own verify token " }],
    ["no token", { "hub.mode": "subscribe", "hub.challenge": "1158201444" }],
    ["another mode", { ...query, "hub.mode": "unsubscribe" }],
    ["no mode", { "hub.verify_token": "my own verify token", "hub.challenge": "1158201444" }],
  ])("answers 403 to %s", (_case, given) => {
    expect(answerHandshake(get(given), "my own verify token")).toMatchObject({ status: 403 });
  });

  it("answers 403 when the connection has no verify token, even to an empty one", () => {
    expect(answerHandshake(get({ ...query, "hub.verify_token": "" }), "")).toMatchObject({ status: 403 });
    expect(answerHandshake(get({ ...query, "hub.verify_token": "" }), undefined)).toMatchObject({
      status: 403,
    });
  });

  it.each([
    ["markup", "<script>alert(1)</script>"],
    ["an empty challenge", ""],
    ["129 characters", "7".repeat(129)],
  ])("answers 400 to a challenge with %s rather than echoing it", (_case, challenge) => {
    expect(
      answerHandshake(get({ ...query, "hub.challenge": challenge }), "my own verify token"),
    ).toMatchObject({
      status: 400,
    });
  });

  it("takes a challenge of 128 letters and digits", () => {
    const challenge = "aZ09".repeat(32);
    expect(answerHandshake(get({ ...query, "hub.challenge": challenge }), "my own verify token").body).toBe(
      challenge,
    );
  });
});

describe("comparing secrets", () => {
  it("tells equal from different secrets of any lengths", () => {
    expect(sameSecret("token", "token")).toBe(true);
    expect(sameSecret("token", "tokem")).toBe(false);
    expect(sameSecret("token", "token-longer")).toBe(false);
    expect(sameSecret("", "token")).toBe(false);
  });
});
