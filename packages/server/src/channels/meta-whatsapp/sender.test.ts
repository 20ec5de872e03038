import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MetaProvider, startMetaProvider } from "../../../test/providers/meta-provider.ts";
import { createOutgoingClient } from "../../outgoing/guarded-fetch.ts";
import type { ConnectionForAdapter, OutgoingPart, SendTarget } from "../messaging/messaging-adapter.ts";
import { metaWhatsappAdapter } from "./meta-whatsapp-adapter.ts";
import { messagesUrl } from "./sender.ts";

const credentials = {
  phoneNumberId: "109876543210987",
  accessToken: "EAAJ-system-user-token-0123456789abcdef",
  appSecret: "6c1b2f0e9a8d47c3b5e1f2a3d4c5b6a7",
};
const target: SendTarget = { to: "+34612345678", channel: "whatsapp", withinServiceWindow: true };
const options = { fetch, timeoutMilliseconds: 2_000, statusCallbackUrl: "https://parley.example.com/unused" };

function textPart(body: string): OutgoingPart {
  return {
    body: {
      messaging_product: "whatsapp",
      to: "34612345678",
      type: "text",
      text: { body, preview_url: false },
    },
    summary: "text",
  };
}

describe("sending to Meta's messages API", () => {
  let provider: MetaProvider;
  let connection: ConnectionForAdapter;

  beforeAll(async () => {
    provider = await startMetaProvider(credentials);
  });
  afterAll(() => provider.close());
  beforeEach(() => {
    connection = {
      id: "connection-1",
      provider: "meta",
      kind: "whatsapp",
      address: credentials.phoneNumberId,
      apiBaseUrl: provider.url,
      credentials: {
        accessToken: credentials.accessToken,
        appSecret: credentials.appSecret,
        verifyToken: "v",
      },
    };
  });

  const send = (part: OutgoingPart, overrides: Partial<typeof options> = {}) =>
    metaWhatsappAdapter.send(part, target, connection, { ...options, ...overrides });

  it("posts each rendered part with the bearer token and answers with Meta's message id", async () => {
    const before = provider.sent.length;
    const rendered = metaWhatsappAdapter.render(
      {
        kind: "buttons",
        text: "How can we help?",
        options: [
          { id: "track", label: "Track my order" },
          { id: "human", label: "Talk to a person" },
        ],
      },
      target,
      connection,
    );
    if (!("parts" in rendered)) throw new Error(rendered.failure);
    const results = await Promise.all(rendered.parts.map((part) => send(part)));
    const sent = (await provider.waitForMessages(before + 1)).slice(before);
    expect(results).toEqual([{ ok: true, providerMessageId: sent[0]?.id }]);
    expect(sent[0]?.id).toMatch(/^wamid\./);
    expect(sent[0]).toMatchObject({
      to: "34612345678",
      type: "interactive",
      text: "How can we help?",
      options: [
        { id: "track", title: "Track my order" },
        { id: "human", title: "Talk to a person" },
      ],
    });
    expect(sent[0]?.request.headers.authorization).toBe(`Bearer ${credentials.accessToken}`);
    expect(sent[0]?.request.path).toBe(`/v23.0/${credentials.phoneNumberId}/messages`);
  });

  it("builds the URL whether or not the API address ends with a slash", () => {
    const expected = `${provider.url}/${credentials.phoneNumberId}/messages`;
    expect(messagesUrl(connection)).toBe(expected);
    expect(messagesUrl({ ...connection, apiBaseUrl: `${provider.url}//` })).toBe(expected);
  });

  it("refuses for good with Meta's code when the token is wrong, and never repeats the token", async () => {
    connection.credentials = { ...connection.credentials, accessToken: "EAAJ-revoked-token-9876543210" };
    const result = await send(textPart("Hi"));
    expect(result).toEqual({
      ok: false,
      transient: false,
      status: 401,
      reason: "WhatsApp error 190: Invalid OAuth access token - Cannot parse access token",
    });
  });

  it("refuses for good a message Meta finds invalid, saying which field", async () => {
    const part: OutgoingPart = {
      body: {
        messaging_product: "whatsapp",
        to: "34612345678",
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "Pick one" },
          action: { buttons: [{ type: "reply", reply: { id: "a", title: "A title of twenty-one" } }] },
        },
      },
      summary: "reply buttons (1)",
    };
    expect(await send(part)).toEqual({
      ok: false,
      transient: false,
      status: 400,
      reason:
        "WhatsApp error 131009: Parameter value is not valid (Button title length invalid. Min length: 1, Max length: 20)",
    });
  });

  it("refuses for good when the phone number id is not the business's", async () => {
    connection.address = "100000000000001";
    const result = await send(textPart("Hi"));
    expect(result).toMatchObject({ ok: false, transient: false, status: 400 });
    expect(result.ok === false && result.reason).toMatch(/^WhatsApp error 100: Unsupported post request/);
  });

  it.each([
    [500, "WhatsApp error 131000: Something went wrong"],
    [503, "WhatsApp error 131000: Something went wrong"],
    [429, "WhatsApp error 130429: Rate limit hit"],
  ])("tries again later after %i", async (status, reason) => {
    provider.failNext(1, status);
    expect(await send(textPart("Hi"))).toEqual({ ok: false, transient: true, status, reason });
    expect(await send(textPart("Hi"))).toMatchObject({ ok: true });
  });

  it.each([
    [131047, "Re-engagement message", false],
    [131026, "Message undeliverable", false],
    [131056, "(Business Account, Consumer Account) pair rate limit hit", true],
    [130429, "Rate limit hit", true],
  ])("classifies error %i by its code when Meta answers 400", async (code, title, transient) => {
    provider.failNext(1, 400, { code, title });
    expect(await send(textPart("Hi"))).toEqual({
      ok: false,
      transient,
      status: 400,
      reason: `WhatsApp error ${code}: ${title}`,
    });
  });

  it("gives up waiting after the timeout, to try again later", async () => {
    provider.hangNext(1);
    const started = performance.now();
    const result = await send(textPart("Hi"), { timeoutMilliseconds: 300 });
    expect(result).toEqual({ ok: false, transient: true, reason: "WhatsApp did not answer within 300 ms" });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("tries again later when nothing listens at the address", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    connection.apiBaseUrl = `http://127.0.0.1:${port}/v23.0`;
    const result = await send(textPart("Hi"));
    expect(result).toMatchObject({ ok: false, transient: true });
    expect(result.ok === false && result.reason).toMatch(/^could not reach WhatsApp: .*ECONNREFUSED/);
  });

  it("goes through the server's guarded client, and gives up for good when its policy forbids the address", async () => {
    const allowed = createOutgoingClient({ allowedHosts: ["127.0.0.1"] });
    const guarded = createOutgoingClient();
    try {
      expect(await send(textPart("Hi"), { fetch: allowed.fetch })).toMatchObject({ ok: true });
      const refused = await send(textPart("Hi"), { fetch: guarded.fetch });
      expect(refused).toMatchObject({ ok: false, transient: false });
      expect(refused.ok === false && refused.reason).toMatch(
        /^refused to connect: 127\.0\.0\.1 is a loopback address/,
      );
    } finally {
      await allowed.close();
      await guarded.close();
    }
  });
});

describe("answers that are not Meta's", () => {
  let server: Server;
  let connection: ConnectionForAdapter;
  const answers: Array<{ status: number; body: string; headers?: Record<string, string> }> = [];

  beforeAll(async () => {
    server = createServer((_request, response) => {
      const next = answers.shift() ?? { status: 200, body: "{}" };
      response.writeHead(next.status, { "content-type": "text/html", ...next.headers });
      response.end(next.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    connection = {
      id: "connection-1",
      provider: "meta",
      kind: "whatsapp",
      address: credentials.phoneNumberId,
      apiBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v23.0`,
      credentials: { accessToken: credentials.accessToken },
    };
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  const send = () => metaWhatsappAdapter.send(textPart("Hi"), target, connection, options);

  it("tries again later after a proxy's HTML 502", async () => {
    answers.push({ status: 502, body: "<html><body>Bad Gateway</body></html>" });
    expect(await send()).toEqual({
      ok: false,
      transient: true,
      status: 502,
      reason: "WhatsApp answered 502: <html><body>Bad Gateway</body></html>",
    });
  });

  it("does not retry a success without a message id, which may have been sent", async () => {
    answers.push({ status: 200, body: '{"messaging_product":"whatsapp"}' });
    expect(await send()).toEqual({
      ok: false,
      transient: false,
      status: 200,
      reason: "WhatsApp answered 200 without a message id",
    });
  });

  it("does not follow a redirect with the token", async () => {
    answers.push({ status: 302, body: "", headers: { location: "https://elsewhere.example.com/" } });
    expect(await send()).toMatchObject({ ok: false, transient: false, status: 302 });
  });

  it("keeps the access token out of the reason even when an answer echoes it", async () => {
    answers.push({
      status: 400,
      body: JSON.stringify({ error: { code: 100, message: `(#100) Bad token ${credentials.accessToken}` } }),
    });
    const result = await send();
    expect(result.ok === false && result.reason).toBe("WhatsApp error 100: Bad token [access token]");
  });
});
