import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type MessagebirdProvider,
  signMessagebirdWebhook,
  startMessagebirdProvider,
} from "../../../test/providers/messagebird-provider.ts";
import {
  type ConnectionForAdapter,
  type ParsedWebhook,
  WebhookPayloadError,
} from "../messaging/messaging-adapter.ts";
import { messagebirdAdapter } from "./messagebird-adapter.ts";

const channelId = "619747f69cf940a98fb443140ce9aed2";
const credentials = { accessKey: "live_access_key", signingKey: "the-signing-key" };

describe("the MessageBird adapter", () => {
  it("carries SMS and WhatsApp, both as text-only channels", () => {
    expect(messagebirdAdapter.provider).toBe("messagebird");
    expect(messagebirdAdapter.kinds).toEqual(["sms", "whatsapp"]);
    expect(messagebirdAdapter.channelOf("sms")).toBe("sms");
    expect(messagebirdAdapter.channelOf("whatsapp")).toBe("messagebird_whatsapp");
    expect(messagebirdAdapter.credentialNames).toEqual({
      accessKey: "Access key",
      signingKey: "Signing key",
    });
    expect(messagebirdAdapter.defaultApiBaseUrl).toBe("https://conversations.messagebird.com");
    expect(messagebirdAdapter.handshake).toBeUndefined();
  });

  it("acknowledges a webhook with an empty JSON object", () => {
    expect(messagebirdAdapter.acknowledgement()).toEqual({
      status: 200,
      contentType: "application/json",
      body: "{}",
    });
  });
});

/**
 * The provider's webhooks delivered over HTTP to a stand-in for Parley's route, which does
 * what the real one will: verify, parse, acknowledge.
 */
describe("webhooks from the test provider", () => {
  let provider: MessagebirdProvider;
  let parley: Server;
  let webhookUrl: string;
  const received: ParsedWebhook[] = [];

  beforeAll(async () => {
    provider = await startMessagebirdProvider({ channelId, ...credentials });
    parley = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(request.headers)) headers[name] = String(value);
        const webhook = {
          method: "POST" as const,
          // The URL as configured at MessageBird, not as the socket saw it.
          url: new URL(request.url ?? "/", webhookUrl).href,
          headers,
          rawBody: Buffer.concat(chunks),
          query: {},
        };
        const connection: ConnectionForAdapter = {
          id: "connection-1",
          provider: "messagebird",
          kind: "whatsapp",
          address: channelId,
          apiBaseUrl: provider.url,
          credentials,
        };
        const verification = messagebirdAdapter.verify(webhook, connection, Date.now());
        if (!verification.ok) return response.writeHead(verification.status).end(verification.reason);
        try {
          received.push(messagebirdAdapter.parse(webhook, connection));
        } catch (error) {
          if (!(error instanceof WebhookPayloadError)) throw error;
          return response.writeHead(400).end(error.message);
        }
        const answer = messagebirdAdapter.acknowledgement();
        response.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => parley.listen(0, "127.0.0.1", resolve));
    webhookUrl = `http://127.0.0.1:${(parley.address() as AddressInfo).port}/v1/channels/messagebird/hook?c=1`;
  });
  afterAll(async () => {
    await provider.close();
    await new Promise<void>((resolve) => parley.close(() => resolve()));
  });

  it("delivers a signed customer message that the adapter accepts and reads", async () => {
    const response = await provider.sendInbound(webhookUrl, {
      from: "+5511987654321",
      displayName: "Ana",
      text: "Quero trocar um produto",
    });
    expect(response).toMatchObject({ status: 200, contentType: "application/json", body: "{}" });
    expect(received.at(-1)?.messages).toEqual([
      {
        providerMessageId: response.messageId,
        from: "+5511987654321",
        to: channelId,
        profileName: "Ana",
        receivedAt: expect.any(Number),
        content: { type: "text", text: "Quero trocar um produto" },
      },
    ]);
  });

  it("delivers a signed status update", async () => {
    const response = await provider.sendStatus(webhookUrl, { messageId: "abc123", status: "delivered" });
    expect(response.status).toBe(200);
    expect(received.at(-1)?.statuses).toEqual([
      { providerMessageId: "abc123", status: "delivered", at: expect.any(Number) },
    ]);
  });

  it.each([
    ["missing", 401],
    ["wrong-key", 403],
    ["expired", 403],
    ["not-yet-valid", 403],
    ["wrong-issuer", 403],
  ] as const)("delivers a %s signature that the adapter refuses with %i", async (signature, status) => {
    const count = received.length;
    const response = await provider.sendInbound(
      webhookUrl,
      { from: "+31612345678", text: "hi" },
      { signature },
    );
    expect(response.status).toBe(status);
    expect(received).toHaveLength(count);
  });

  it("refuses a genuine signature made for another URL", async () => {
    const body = JSON.stringify({ type: "conversation.created" });
    const signature = await signMessagebirdWebhook(
      credentials.signingKey,
      webhookUrl.replace("c=1", "c=2"),
      body,
    );
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "messagebird-signature-jwt": signature },
      body,
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("url_hash");
  });
});
