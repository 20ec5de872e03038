import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MetaProvider, startMetaProvider } from "../../../test/providers/meta-provider.ts";
import {
  type ConnectionForAdapter,
  type ParsedWebhook,
  type ReceivedWebhook,
  WebhookPayloadError,
} from "../messaging/messaging-adapter.ts";
import { metaWhatsappAdapter } from "./meta-whatsapp-adapter.ts";

const credentials = {
  phoneNumberId: "109876543210987",
  accessToken: "EAAJ-system-user-token-0123456789abcdef",
  appSecret: "6c1b2f0e9a8d47c3b5e1f2a3d4c5b6a7",
};
const verifyToken = "a verify token the admin chose";

/**
 * What the integrator's webhook route does with the adapter, over a real socket: the handshake
 * for GET; verify, parse and acknowledge for POST.
 */
async function startWebhookRoute(connection: () => ConnectionForAdapter) {
  const parsed: ParsedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "https://parley.example.com");
      const webhook: ReceivedWebhook = {
        method: request.method === "GET" ? "GET" : "POST",
        url: url.toString(),
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
        ),
        rawBody: Buffer.concat(chunks),
        query: Object.fromEntries(url.searchParams),
      };
      const reply = (status: number, contentType: string, body: string) => {
        response.writeHead(status, { "content-type": contentType });
        response.end(body);
      };
      if (webhook.method === "GET") {
        const answer = metaWhatsappAdapter.handshake?.(webhook, connection());
        if (answer) reply(answer.status, answer.contentType, answer.body);
        return;
      }
      const verification = metaWhatsappAdapter.verify(webhook, connection(), Date.now());
      if (!verification.ok) return reply(verification.status, "text/plain", verification.reason);
      try {
        parsed.push(metaWhatsappAdapter.parse(webhook, connection()));
      } catch (error) {
        if (error instanceof WebhookPayloadError) return reply(400, "text/plain", error.message);
        throw error;
      }
      const answer = metaWhatsappAdapter.acknowledgement();
      reply(answer.status, answer.contentType, answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/channels/meta/hook?connection=1`,
    parsed,
    server,
  };
}

describe("the Meta WhatsApp adapter with Meta's side played by the test provider", () => {
  let provider: MetaProvider;
  let route: Awaited<ReturnType<typeof startWebhookRoute>>;
  let connection: ConnectionForAdapter;

  beforeAll(async () => {
    provider = await startMetaProvider(credentials);
    connection = {
      id: "connection-1",
      provider: "meta",
      kind: "whatsapp",
      address: credentials.phoneNumberId,
      apiBaseUrl: provider.url,
      credentials: { accessToken: credentials.accessToken, appSecret: credentials.appSecret, verifyToken },
    };
    route = await startWebhookRoute(() => connection);
  });
  afterAll(async () => {
    await provider.close();
    await new Promise<void>((resolve) => route.server.close(() => resolve()));
  });

  it("describes itself as Meta's native WhatsApp", () => {
    expect(metaWhatsappAdapter.provider).toBe("meta");
    expect(metaWhatsappAdapter.kinds).toEqual(["whatsapp"]);
    expect(metaWhatsappAdapter.channelOf("whatsapp")).toBe("whatsapp");
    expect(Object.keys(metaWhatsappAdapter.credentialNames)).toEqual([
      "accessToken",
      "appSecret",
      "verifyToken",
    ]);
    expect(metaWhatsappAdapter.defaultApiBaseUrl).toBe("https://graph.facebook.com/v23.0");
  });

  it("passes Meta's subscription check with the right verify token only", async () => {
    expect(await provider.verify(route.url, verifyToken, "1503266812")).toEqual({
      status: 200,
      body: "1503266812",
    });
    expect((await provider.verify(route.url, "a guess", "1503266812")).status).toBe(403);
  });

  it("takes a signed text message and answers 200 with an empty body", async () => {
    const before = route.parsed.length;
    const delivery = await provider.sendInbound(route.url, {
      type: "text",
      from: "+34612345678",
      profileName: "Lucía",
      text: "Hola, ¿me ayudáis?",
      timestamp: 1765180800_000,
    });
    expect(delivery).toMatchObject({ status: 200, body: "" });
    expect(route.parsed.slice(before)).toEqual([
      {
        messages: [
          {
            providerMessageId: delivery.messageIds[0],
            from: "+34612345678",
            to: credentials.phoneNumberId,
            profileName: "Lucía",
            receivedAt: 1765180800_000,
            content: { type: "text", text: "Hola, ¿me ayudáis?" },
          },
        ],
        statuses: [],
      },
    ]);
  });

  it("refuses a delivery signed with another secret (403) or not signed (401), parsing nothing", async () => {
    const before = route.parsed.length;
    const message = { type: "text" as const, from: "+34612345678", text: "Hi" };
    expect((await provider.sendInbound(route.url, message, { signature: "wrong" })).status).toBe(403);
    expect((await provider.sendInbound(route.url, message, { signature: "missing" })).status).toBe(401);
    expect(route.parsed.length).toBe(before);
  });

  it("reads a batch of replies, a file and a location from two customers", async () => {
    const before = route.parsed.length;
    const delivery = await provider.sendInbound(route.url, [
      {
        type: "button_reply",
        from: "+34612345678",
        profileName: "Lucía",
        replyId: "track",
        title: "Track my order",
      },
      {
        type: "list_reply",
        from: "5511987654321",
        profileName: "João",
        replyId: "returns",
        title: "Devoluções",
      },
      {
        type: "document",
        from: "5511987654321",
        mimeType: "application/pdf",
        filename: "nota.pdf",
        data: "%PDF-1.7",
      },
      { type: "location", from: "+34612345678", latitude: 40.4189, longitude: -3.6965, name: "Oficina" },
    ]);
    expect(delivery.status).toBe(200);
    const [parsed] = route.parsed.slice(before);
    expect(
      parsed?.messages.map((message) => [message.from, message.profileName, message.content.type]),
    ).toEqual([
      ["+34612345678", "Lucía", "choice"],
      ["+5511987654321", "João", "choice"],
      ["+5511987654321", "João", "media"],
      ["+34612345678", "Lucía", "location"],
    ]);
    expect(parsed?.messages[1]?.content).toEqual({
      type: "choice",
      optionId: "returns",
      label: "Devoluções",
    });
  });

  it("gives a media address from which the file can be fetched with the access token", async () => {
    const before = route.parsed.length;
    await provider.sendInbound(route.url, {
      type: "image",
      from: "+34612345678",
      mimeType: "image/png",
      caption: "Roto",
      data: "PNG bytes",
    });
    const content = route.parsed[before]?.messages[0]?.content;
    if (content?.type !== "media") throw new Error("no media");
    expect(content.caption).toBe("Roto");
    const authorization = { authorization: `Bearer ${credentials.accessToken}` };
    const metadata = (await (
      await fetch(content.media[0]?.url ?? "", { headers: authorization })
    ).json()) as { url: string };
    expect(metadata).toMatchObject({ mime_type: "image/png", file_size: 9 });
    const file = await fetch(metadata.url, { headers: authorization });
    expect(await file.text()).toBe("PNG bytes");
  });

  it("skips deliveries for another number of the business account", async () => {
    const before = route.parsed.length;
    const delivery = await provider.sendInbound(
      route.url,
      { type: "text", from: "+34612345678", text: "Hi" },
      { phoneNumberId: "100000000000001" },
    );
    expect(delivery.status).toBe(200);
    expect(route.parsed.slice(before)).toEqual([{ messages: [], statuses: [] }]);
  });

  it("answers a customer and reads the delivery report of the answer", async () => {
    const sentBefore = provider.sent.length;
    const target = { to: "+34612345678", channel: "whatsapp" as const, withinServiceWindow: true };
    const rendered = metaWhatsappAdapter.render(
      { kind: "text", text: "Your parcel left today." },
      target,
      connection,
    );
    if (!("parts" in rendered)) throw new Error(rendered.failure);
    const result = await metaWhatsappAdapter.send(
      rendered.parts[0] as (typeof rendered.parts)[0],
      target,
      connection,
      {
        fetch,
        timeoutMilliseconds: 2_000,
        statusCallbackUrl: route.url,
      },
    );
    const [sent] = (await provider.waitForMessages(sentBefore + 1)).slice(sentBefore);
    expect(result).toEqual({ ok: true, providerMessageId: sent?.id });

    const before = route.parsed.length;
    const id = sent?.id ?? "";
    await provider.deliver(route.url, {
      messages: [{ type: "text", from: "+34612345678", text: "Gracias" }],
      statuses: [
        { id, status: "delivered", recipientId: "+34612345678", timestamp: 1765180900_000 },
        {
          id,
          status: "failed",
          recipientId: "34612345678",
          timestamp: 1765180901_000,
          error: { code: 131026, title: "Message undeliverable" },
        },
      ],
    });
    const [parsed] = route.parsed.slice(before);
    expect(parsed?.messages.map((message) => message.content)).toEqual([{ type: "text", text: "Gracias" }]);
    expect(parsed?.statuses).toEqual([
      { providerMessageId: id, status: "delivered", at: 1765180900_000 },
      { providerMessageId: id, status: "failed", at: 1765180901_000, error: "131026: Message undeliverable" },
    ]);
  });

  it("reaches the customer outside the window only through the approved template", async () => {
    const sentBefore = provider.sent.length;
    const target = { to: "+34612345678", channel: "whatsapp" as const, withinServiceWindow: false };
    const templated = { ...connection, whatsappTemplate: { name: "conversation_follow_up", language: "es" } };
    const rendered = metaWhatsappAdapter.render({ kind: "text", text: "Seguimos aquí." }, target, templated);
    if (!("parts" in rendered)) throw new Error(rendered.failure);
    for (const part of rendered.parts) {
      expect(
        await metaWhatsappAdapter.send(part, target, templated, {
          fetch,
          timeoutMilliseconds: 2_000,
          statusCallbackUrl: route.url,
        }),
      ).toMatchObject({ ok: true });
    }
    const [sent] = (await provider.waitForMessages(sentBefore + 1)).slice(sentBefore);
    expect(sent?.template).toEqual({
      name: "conversation_follow_up",
      language: "es",
      parameters: [sent?.text],
    });
  });
});
