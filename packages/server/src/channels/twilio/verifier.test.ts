import { describe, expect, it } from "vitest";
import {
  connectionFor,
  inboundSms,
  inboundWhatsapp,
  mediaUrl,
  mmsSid,
  signedWebhook,
  webhookUrl,
} from "./test-fixtures.ts";
import { readForm, verifyTwilioSignature } from "./verifier.ts";

const sms = connectionFor("sms");

describe("Twilio webhook signatures", () => {
  it("accepts the test vector of Twilio's documentation", () => {
    const webhook = signedWebhook(
      {
        CallSid: "CA1234567890ABCDE",
        Caller: "+14158675309",
        Digits: "1234",
        From: "+14158675309",
        To: "+18005551212",
      },
      { url: "https://mycompany.com/myapp.php?foo=1&bar=2", signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=" },
    );
    const connection = connectionFor("sms", { credentials: { accountSid: "AC1", authToken: "12345" } });
    expect(verifyTwilioSignature(webhook, connection)).toEqual({ ok: true });
  });

  it("accepts inbound SMS and WhatsApp forms signed by the SDK over every field", () => {
    expect(verifyTwilioSignature(signedWebhook(inboundSms), sms)).toEqual({ ok: true });
    expect(verifyTwilioSignature(signedWebhook(inboundWhatsapp), connectionFor("whatsapp"))).toEqual({
      ok: true,
    });
  });

  it("accepts a form whose field repeats, each value signed", () => {
    const form: Array<[string, string]> = [
      ...Object.entries({ ...inboundSms, MessageSid: mmsSid, NumMedia: "2" }),
      ["MediaUrl", mediaUrl(0)],
      ["MediaUrl", mediaUrl(1)],
    ];
    expect(verifyTwilioSignature(signedWebhook(form), sms)).toEqual({ ok: true });
  });

  it("accepts the URL written with the default port, as the SDK does", () => {
    const webhook = signedWebhook(inboundSms, { url: "https://parley.example.com:443/hook?connection=1" });
    expect(
      verifyTwilioSignature({ ...webhook, url: "https://parley.example.com/hook?connection=1" }, sms),
    ).toEqual({
      ok: true,
    });
  });

  it("answers 401 when the signature header is missing", () => {
    const result = verifyTwilioSignature(signedWebhook(inboundSms, { signature: null }), sms);
    expect(result).toEqual({ ok: false, status: 401, reason: "the X-Twilio-Signature header is missing" });
  });

  it("answers 403 for a signature made with another token", () => {
    const result = verifyTwilioSignature(signedWebhook(inboundSms, { token: "another-token" }), sms);
    expect(result).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining(webhookUrl) });
  });

  it("answers 403 when a field was changed or added after signing", () => {
    const signed = signedWebhook(inboundSms);
    const changed = Buffer.from(signed.rawBody.toString().replace("Where+is+my+order", "Refund+me+now"));
    expect(verifyTwilioSignature({ ...signed, rawBody: changed }, sms)).toMatchObject({
      ok: false,
      status: 403,
    });
    const added = Buffer.concat([signed.rawBody, Buffer.from("&Forwarded=true")]);
    expect(verifyTwilioSignature({ ...signed, rawBody: added }, sms)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it("answers 403 when the request reached another URL than the one signed", () => {
    const signed = signedWebhook(inboundSms);
    const elsewhere = { ...signed, url: "https://parley.example.com/v1/channels/twilio/conn_2/webhook" };
    expect(verifyTwilioSignature(elsewhere, sms)).toMatchObject({ ok: false, status: 403 });
    expect(verifyTwilioSignature({ ...signed, url: webhookUrl.replace("https", "http") }, sms)).toMatchObject(
      {
        ok: false,
        status: 403,
      },
    );
  });

  it("answers 403 for a body that is not a form, since its fields cannot be signed", () => {
    const json = signedWebhook(inboundSms, { contentType: "application/json" });
    expect(verifyTwilioSignature({ ...json, rawBody: Buffer.from(JSON.stringify(inboundSms)) }, sms)).toEqual(
      {
        ok: false,
        status: 403,
        reason: "the body is not application/x-www-form-urlencoded, so its signature cannot be checked",
      },
    );
  });

  it("explains a SharedKey signature instead of calling it wrong", () => {
    const webhook = signedWebhook(inboundSms);
    webhook.headers["x-twilio-webhooks-signature-settings"] =
      "key=webhooks_sharedkey_1,algorithm=HMAC_SHA256";
    expect(verifyTwilioSignature(webhook, sms)).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/SharedKey/),
    });
  });

  it("refuses everything when the connection has no Auth Token", () => {
    const connection = connectionFor("sms", { credentials: { accountSid: "AC1", authToken: "" } });
    const webhook = signedWebhook(inboundSms, { token: "" });
    expect(verifyTwilioSignature(webhook, connection)).toMatchObject({ ok: false, status: 403 });
  });

  it("treats a URL the SDK cannot parse as a mismatch, not a crash", () => {
    const webhook = { ...signedWebhook(inboundSms, { signature: "bm90IGEgc2lnbmF0dXJl" }), url: "not a url" };
    expect(verifyTwilioSignature(webhook, sms)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("reading a Twilio form", () => {
  it("decodes UTF-8 and plus signs and keeps repeated fields as arrays", () => {
    const body = Buffer.from(
      "Body=Ol%C3%A1+%F0%9F%91%8B&MediaUrl=https%3A%2F%2Fa&MediaUrl=https%3A%2F%2Fb&Empty=",
    );
    expect(readForm(body)).toEqual({ Body: "Olá 👋", MediaUrl: ["https://a", "https://b"], Empty: "" });
  });

  it("reads the body's signature input the same way Twilio's SDK signed it", () => {
    const webhook = signedWebhook(
      { ...inboundSms, Body: "50% off & free: ✓ + more" },
      { url: `${webhookUrl}?a=1` },
    );
    expect(readForm(webhook.rawBody).Body).toBe("50% off & free: ✓ + more");
    expect(verifyTwilioSignature(webhook, sms)).toEqual({ ok: true });
  });
});
