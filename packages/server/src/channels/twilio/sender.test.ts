import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTwilioProvider, type TwilioProvider } from "../../../test/providers/twilio-provider.ts";
import type { ConnectionForAdapter, OutgoingPart } from "../messaging/messaging-adapter.ts";
import { messagesUrl, sendToTwilio } from "./sender.ts";
import { accountSid, authToken, businessNumber, connectionFor, customerNumber } from "./test-fixtures.ts";

const statusCallbackUrl = "https://parley.example.com/v1/channels/twilio/conn_1/webhook";
const options = { fetch, timeoutMilliseconds: 2000, statusCallbackUrl };

function textPart(body: string, to = customerNumber): OutgoingPart {
  return {
    body: { To: to, From: businessNumber, Body: body },
    segments: 1,
    summary: "text, 1 segment (GSM-7)",
  };
}

describe("sending through Twilio's Messages API", () => {
  let provider: TwilioProvider;
  let sms: ConnectionForAdapter;

  beforeAll(async () => {
    provider = await startTwilioProvider({ accountSid, authToken });
    sms = connectionFor("sms", { apiBaseUrl: provider.url });
  });
  afterAll(() => provider.close());
  beforeEach(() => {
    provider.sent.length = 0;
  });

  it("creates the message with Basic auth and the status callback, and returns Twilio's sid", async () => {
    const result = await sendToTwilio(textPart("Your order ships today."), sms, options);
    const [message] = await provider.waitForMessages(1);
    expect(result).toEqual({ ok: true, providerMessageId: message?.sid });
    expect(message).toMatchObject({
      kind: "sms",
      to: customerNumber,
      from: businessNumber,
      body: "Your order ships today.",
      mediaUrls: [],
      statusCallback: statusCallbackUrl,
    });
    expect(message?.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message?.request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("sends WhatsApp files as MediaUrl, under a base URL written with a trailing slash", async () => {
    const whatsapp = connectionFor("whatsapp", { apiBaseUrl: `${provider.url}/` });
    const part: OutgoingPart = {
      body: {
        To: `whatsapp:${customerNumber}`,
        From: `whatsapp:${businessNumber}`,
        Body: "Your label",
        MediaUrl: "https://files.example.com/label.pdf",
      },
      summary: "file (application/pdf) with caption",
    };
    const result = await sendToTwilio(part, whatsapp, options);
    expect(result).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^MM/) });
    expect(provider.sent[0]).toMatchObject({
      kind: "whatsapp",
      mediaUrls: ["https://files.example.com/label.pdf"],
    });
  });

  it("builds the Messages URL without doubled slashes and with the account's sid escaped", () => {
    expect(messagesUrl("https://api.twilio.com//", accountSid)).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages.json`,
    );
    expect(messagesUrl("http://sandbox.internal/twilio", "AC/../x")).toBe(
      "http://sandbox.internal/twilio/2010-04-01/Accounts/AC%2F..%2Fx/Messages.json",
    );
  });

  it("reports wrong credentials as a permanent failure with Twilio's code, never the token", async () => {
    const wrong = connectionFor("sms", {
      apiBaseUrl: provider.url,
      credentials: { accountSid, authToken: "a-token-that-is-wrong" },
    });
    const result = await sendToTwilio(textPart("Hello"), wrong, options);
    expect(result).toEqual({
      ok: false,
      transient: false,
      status: 401,
      reason: "Twilio error 20003: Authenticate",
    });
    expect(JSON.stringify(result)).not.toContain("a-token-that-is-wrong");
    expect(provider.sent).toEqual([]);
  });

  it("reports a number Twilio refuses as a permanent failure in Twilio's words", async () => {
    const result = await sendToTwilio(textPart("Hello", "+1555"), sms, options);
    expect(result).toEqual({
      ok: false,
      transient: false,
      status: 400,
      reason: "Twilio error 21211: The 'To' number +1555 is not a valid phone number.",
    });
  });

  it("reports a body over 1600 characters as refused for good", async () => {
    const result = await sendToTwilio(textPart("a".repeat(1601)), sms, options);
    expect(result).toMatchObject({
      ok: false,
      transient: false,
      reason: expect.stringMatching(/^Twilio error 21617:/),
    });
  });

  it.each([500, 503, 429])("reports %s as worth retrying, and the retry goes through", async (status) => {
    provider.failNext(1, status);
    const failed = await sendToTwilio(textPart("Hello"), sms, options);
    expect(failed).toMatchObject({
      ok: false,
      transient: true,
      status,
      reason: expect.stringMatching(/^Twilio error 20/),
    });
    expect(await sendToTwilio(textPart("Hello"), sms, options)).toMatchObject({ ok: true });
    expect(provider.sent).toHaveLength(1);
  });

  it("gives up on a Twilio that does not answer within the timeout, as a transient failure", async () => {
    provider.hangNext(1);
    const started = Date.now();
    const result = await sendToTwilio(textPart("Hello"), sms, { ...options, timeoutMilliseconds: 300 });
    expect(result).toEqual({ ok: false, transient: true, reason: "Twilio did not answer within 300 ms" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports a Twilio it cannot reach as a transient failure naming the cause", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const unreachable = connectionFor("sms", { apiBaseUrl: `http://127.0.0.1:${closedPort}` });
    const result = await sendToTwilio(textPart("Hello"), unreachable, options);
    expect(result).toMatchObject({
      ok: false,
      transient: true,
      reason: expect.stringMatching(/^could not reach Twilio: .*ECONNREFUSED/),
    });
  });

  it("sends nothing for a connection without credentials", async () => {
    const bare = connectionFor("sms", { apiBaseUrl: provider.url, credentials: { accountSid } });
    const requestsBefore = provider.requests.length;
    expect(await sendToTwilio(textPart("Hello"), bare, options)).toMatchObject({
      ok: false,
      transient: false,
    });
    expect(provider.requests.length).toBe(requestsBefore);
  });
});

describe("classifying answers Twilio's API should not give", () => {
  const connection = connectionFor("sms");

  function answering(status: number, body: string, statusText = ""): typeof fetch {
    return async () => new Response(body, { status, statusText });
  }

  it("does not resend a message Twilio took but answered without a sid", async () => {
    const result = await sendToTwilio(textPart("Hello"), connection, {
      ...options,
      fetch: answering(201, "{}"),
    });
    expect(result).toEqual({
      ok: false,
      transient: false,
      status: 201,
      reason: "Twilio answered 201 without the message's sid",
    });
  });

  it("describes an answer that is not Twilio's JSON by its status", async () => {
    const gateway = answering(502, "<html>Bad Gateway</html>", "Bad Gateway");
    expect(await sendToTwilio(textPart("Hello"), connection, { ...options, fetch: gateway })).toEqual({
      ok: false,
      transient: true,
      status: 502,
      reason: "Twilio answered 502 Bad Gateway",
    });
    const timeout = answering(408, "");
    expect(await sendToTwilio(textPart("Hello"), connection, { ...options, fetch: timeout })).toMatchObject({
      transient: true,
    });
    const forbidden = answering(403, JSON.stringify({ message: "Forbidden" }));
    expect(await sendToTwilio(textPart("Hello"), connection, { ...options, fetch: forbidden })).toMatchObject(
      {
        transient: false,
        reason: "Twilio answered 403: Forbidden",
      },
    );
  });
});
