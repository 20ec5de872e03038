import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type MessagebirdProvider,
  startMessagebirdProvider,
} from "../../../test/providers/messagebird-provider.ts";
import type { ConnectionForAdapter, OutgoingPart, SendTarget } from "../messaging/messaging-adapter.ts";
import { messagebirdAdapter } from "./messagebird-adapter.ts";

const channelId = "619747f69cf940a98fb443140ce9aed2";
const accessKey = "live_0123456789abcdefghijklmno";
const target: SendTarget = { to: "+31612345678", channel: "messagebird_whatsapp", withinServiceWindow: true };
const statusCallbackUrl = "https://parley.example.com/v1/channels/messagebird/status";

let provider: MessagebirdProvider;
let connection: ConnectionForAdapter;

beforeAll(async () => {
  provider = await startMessagebirdProvider({ channelId, accessKey, signingKey: "signing-key" });
  connection = {
    id: "connection-1",
    provider: "messagebird",
    kind: "whatsapp",
    address: channelId,
    apiBaseUrl: provider.url,
    credentials: { accessKey, signingKey: "signing-key" },
  };
});
afterAll(() => provider.close());
afterEach(() => {
  provider.sent.length = 0;
});

function textPart(text: string, to = target.to): OutgoingPart {
  return { body: { to, from: channelId, type: "text", content: { text } }, summary: "text" };
}

function send(part: OutgoingPart, on: ConnectionForAdapter = connection, timeoutMilliseconds = 2000) {
  return messagebirdAdapter.send(part, target, on, { fetch, timeoutMilliseconds, statusCallbackUrl });
}

describe("sending through MessageBird's /v1/send", () => {
  it("sends with the access key and the status report URL, and returns MessageBird's message id", async () => {
    const result = await send(textPart("Your order ships tomorrow."));
    const [sent] = await provider.waitForMessages(1);
    expect(result).toEqual({ ok: true, providerMessageId: sent?.providerMessageId });
    expect(sent?.providerMessageId).toMatch(/^[0-9a-f]{32}$/);
    expect(sent).toMatchObject({
      to: "+31612345678",
      from: channelId,
      type: "text",
      text: "Your order ships tomorrow.",
      reportUrl: statusCallbackUrl,
    });
    expect(sent?.request.headers.authorization).toBe(`AccessKey ${accessKey}`);
  });

  it("sends rendered media as MessageBird takes it", async () => {
    const rendered = messagebirdAdapter.render(
      {
        kind: "attachment",
        attachment: { url: "https://files.example.com/receipt.jpg", mediaType: "image/jpeg" },
        caption: "Your receipt",
      },
      target,
      connection,
    );
    if (!("parts" in rendered)) throw new Error("expected parts");
    for (const part of rendered.parts) expect(await send(part)).toMatchObject({ ok: true });
    const [sent] = await provider.waitForMessages(1);
    expect(sent).toMatchObject({
      type: "image",
      media: { url: "https://files.example.com/receipt.jpg", caption: "Your receipt" },
    });
  });

  it("builds the URL whether or not the base URL ends with a slash", async () => {
    expect(await send(textPart("one"), { ...connection, apiBaseUrl: `${provider.url}/` })).toMatchObject({
      ok: true,
    });
    expect(await send(textPart("two"), { ...connection, apiBaseUrl: `${provider.url}//` })).toMatchObject({
      ok: true,
    });
    expect(provider.sent.map((message) => message.text)).toEqual(["one", "two"]);
  });

  it("reports a wrong access key as permanent, without the key", async () => {
    const wrong = { ...connection, credentials: { accessKey: "test_wrong_key", signingKey: "signing-key" } };
    const result = await send(textPart("hello"), wrong);
    expect(result).toEqual({
      ok: false,
      transient: false,
      status: 401,
      reason: "MessageBird error 2: Request not allowed (incorrect access_key) (access_key)",
    });
    expect(JSON.stringify(result)).not.toContain("test_wrong_key");
  });

  it("reports MessageBird's validation errors as permanent, naming the parameter", async () => {
    expect(
      await send({ body: { from: channelId, type: "text", content: { text: "x" } }, summary: "text" }),
    ).toEqual({
      ok: false,
      transient: false,
      status: 400,
      reason: "MessageBird error 21: Bad request (to)",
    });
    expect(await send(textPart("x".repeat(4097)))).toMatchObject({
      transient: false,
      status: 422,
      reason: "MessageBird error 21: Invalid parameter (content.text)",
    });
  });

  it("reports server errors and rate limits as transient", async () => {
    provider.failNext(1, 503);
    expect(await send(textPart("hello"))).toEqual({
      ok: false,
      transient: true,
      status: 503,
      reason: "MessageBird error 99: Internal error",
    });
    provider.failNext(1, 429);
    expect(await send(textPart("hello"))).toMatchObject({ ok: false, transient: true, status: 429 });
    expect(await send(textPart("hello again"))).toMatchObject({ ok: true });
  });

  it("gives up after the timeout when MessageBird does not answer", async () => {
    provider.hangNext(1);
    const started = Date.now();
    expect(await send(textPart("hello"), connection, 300)).toEqual({
      ok: false,
      transient: true,
      reason: "MessageBird did not answer within 300 ms",
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports an unreachable API as transient", async () => {
    const closed = await unusedPort();
    const result = await send(textPart("hello"), { ...connection, apiBaseUrl: `http://127.0.0.1:${closed}` });
    expect(result).toMatchObject({
      ok: false,
      transient: true,
      reason: expect.stringContaining("could not reach"),
    });
  });

  it("does not retry a 2xx that carries no message id, which may already be on its way", async () => {
    const odd = await oneShotServer(200, "OK");
    const result = await send(textPart("hello"), { ...connection, apiBaseUrl: odd.url });
    expect(result).toEqual({
      ok: false,
      transient: false,
      status: 200,
      reason: "MessageBird answered HTTP 200 without a message id",
    });
    await odd.close();
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function oneShotServer(status: number, body: string) {
  const server = createServer((_request, response) => response.writeHead(status).end(body));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
