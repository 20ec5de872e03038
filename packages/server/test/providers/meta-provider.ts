import { createHash, randomBytes, randomInt } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApprovedTemplate, type RefusedMessage, refusalOf } from "./meta-provider-validation.ts";
import {
  type BusinessNumber,
  type CustomerMessage,
  type DeliveryOptions,
  deliveryBody,
  digitsOf,
  messageObject,
  postDelivery,
  type StatusReport,
  type WebhookResponse,
  whatsappMessageId,
} from "./meta-provider-webhooks.ts";

export type { ApprovedTemplate } from "./meta-provider-validation.ts";
export type {
  CustomerMessage,
  CustomerMessageContent,
  DeliveryOptions,
  StatusReport,
  WebhookResponse,
} from "./meta-provider-webhooks.ts";

/**
 * A stand-in for Meta's WhatsApp Cloud API on 127.0.0.1, for end-to-end tests and
 * `parley channels simulate`: `POST /{version}/{phone number id}/messages` with Meta's checks and
 * answers, media downloads, and signed webhook deliveries of customers' messages and statuses.
 */
export interface MetaProviderOptions {
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  displayPhoneNumber?: string;
  businessAccountId?: string;
  /** The Graph API version in the path; any `vN.N` is answered, this one is in `url`. */
  version?: string;
  /** When given, template messages must name one of these with its number of body parameters. */
  templates?: ApprovedTemplate[];
}

/** A message the server accepted, in Parley-neutral words, with the request as it came. */
export interface SentWhatsappMessage {
  /** The wamid the server answered with. */
  id: string;
  /** `to` as sent: the customer's WhatsApp id. */
  to: string;
  type: string;
  /** What the customer reads: the text, the interactive body, the caption or the template's parameters. */
  text: string | null;
  /** Reply buttons or list rows. */
  options: Array<{ id: string; title: string; description?: string }>;
  listButton: string | null;
  /** A media message's link. */
  link: string | null;
  template: { name: string; language: string; parameters: string[] } | null;
  request: ReceivedRequest;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface MetaProvider {
  /** The API base URL to give a connection: `http://127.0.0.1:{port}/{version}`. */
  url: string;
  sent: SentWhatsappMessage[];
  /** Every request, answered or not, in arrival order. */
  requests: ReceivedRequest[];
  waitForMessages(count: number, timeoutMilliseconds?: number): Promise<SentWhatsappMessage[]>;
  /** The next `count` sends fail with `status` and Meta's error body (a code fitting the status, or `error`). */
  failNext(count: number, status?: number, error?: { code: number; title: string }): void;
  /** The next `count` sends are never answered. */
  hangNext(count: number): void;
  sendInbound(
    webhookUrl: string,
    message: CustomerMessage | CustomerMessage[],
    options?: DeliveryOptions,
  ): Promise<WebhookResponse & { messageIds: string[] }>;
  sendStatus(
    webhookUrl: string,
    status: StatusReport | StatusReport[],
    options?: DeliveryOptions,
  ): Promise<WebhookResponse>;
  /** Messages and statuses in one delivery, as Meta batches them. */
  deliver(
    webhookUrl: string,
    batch: { messages?: CustomerMessage[]; statuses?: StatusReport[] },
    options?: DeliveryOptions,
  ): Promise<WebhookResponse & { messageIds: string[] }>;
  /** Meta's subscription check: a GET with hub.mode, hub.verify_token and hub.challenge. */
  verify(
    webhookUrl: string,
    verifyToken: string,
    challenge: string,
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

interface Failure {
  status: number;
  code: number;
  title: string;
}

function failureFor(status: number, error?: { code: number; title: string }): Failure {
  if (error) return { status, ...error };
  if (status === 429) return { status, code: 130429, title: "Rate limit hit" };
  if (status >= 500) return { status, code: 131000, title: "Something went wrong" };
  return { status, code: 131026, title: "Message undeliverable" };
}

function graphError(code: number, message: string, extra: Record<string, unknown> = {}) {
  return {
    error: {
      message,
      type: "OAuthException",
      code,
      ...extra,
      fbtrace_id: randomBytes(12).toString("base64"),
    },
  };
}

function refusedBody(refusal: RefusedMessage) {
  return graphError(refusal.code, `(#${refusal.code}) ${refusal.title}`, {
    error_data: { messaging_product: "whatsapp", details: refusal.details },
  });
}

const unknownObject = (id: string) =>
  graphError(
    100,
    `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { error_subcode: 33 },
  );

// biome-ignore lint/suspicious/noExplicitAny: the record reads a request body of Meta's many shapes.
function recordOf(id: string, body: any, request: ReceivedRequest): SentWhatsappMessage {
  const type: string = body.type ?? "text";
  const media = ["image", "video", "document", "audio", "sticker"].includes(type) ? body[type] : null;
  const interactive = type === "interactive" ? body.interactive : null;
  const rows =
    interactive?.action?.sections?.flatMap((section: { rows?: unknown[] }) => section.rows ?? []) ?? [];
  const buttons = (interactive?.action?.buttons ?? []).map((button: { reply: unknown }) => button.reply);
  const parameters: string[] =
    type === "template"
      ? (body.template.components ?? [])
          .filter((component: { type: string }) => component.type === "body")
          .flatMap((component: { parameters?: Array<{ text: string }> }) => component.parameters ?? [])
          .map((parameter: { text: string }) => parameter.text)
      : [];
  return {
    id,
    to: body.to,
    type,
    text: body.text?.body ?? interactive?.body?.text ?? media?.caption ?? (parameters.join(" ") || null),
    options: interactive?.type === "list" ? rows : buttons,
    listButton: interactive?.type === "list" ? interactive.action.button : null,
    link: media?.link ?? null,
    template:
      type === "template"
        ? { name: body.template.name, language: body.template.language.code, parameters }
        : null,
    request,
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function answer(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = "application/json",
): void {
  response.writeHead(status, { "content-type": contentType });
  response.end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

export async function startMetaProvider(options: MetaProviderOptions): Promise<MetaProvider> {
  const version = options.version ?? "v23.0";
  const number: BusinessNumber = {
    phoneNumberId: options.phoneNumberId,
    displayPhoneNumber: options.displayPhoneNumber ?? "15550001234",
    businessAccountId:
      options.businessAccountId ?? String(randomInt(100_000_000_000_000, 199_999_999_999_999)),
  };
  const sent: SentWhatsappMessage[] = [];
  const requests: ReceivedRequest[] = [];
  const failures: Failure[] = [];
  const waiters = new Set<() => void>();
  const media = new Map<string, { mimeType: string; data: Buffer }>();
  let hanging = 0;
  let origin = "";

  function acceptMessage(response: ServerResponse, request: ReceivedRequest): void {
    const failure = failures.shift();
    if (failure) {
      answer(
        response,
        failure.status,
        refusedBody({ code: failure.code, title: failure.title, details: failure.title }),
      );
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      answer(response, 400, graphError(100, "(#100) Invalid parameter"));
      return;
    }
    const refusal = refusalOf(body, options.templates);
    if (refusal) {
      answer(response, 400, refusedBody(refusal));
      return;
    }
    const id = whatsappMessageId();
    const record = recordOf(id, body, request);
    sent.push(record);
    for (const waiter of waiters) waiter();
    const accepted = record.type === "template" ? { id, message_status: "accepted" } : { id };
    answer(response, 200, {
      messaging_product: "whatsapp",
      contacts: [{ input: record.to, wa_id: digitsOf(record.to) }],
      messages: [accepted],
    });
  }

  function serveMedia(response: ServerResponse, url: URL, mediaId: string | null): void {
    const id = mediaId ?? url.searchParams.get("mid") ?? "";
    const stored = media.get(id);
    if (!stored) {
      answer(response, 400, unknownObject(id));
      return;
    }
    if (mediaId === null) {
      answer(response, 200, stored.data, stored.mimeType);
      return;
    }
    answer(response, 200, {
      messaging_product: "whatsapp",
      url: `${origin}/whatsapp_business/attachments/?mid=${encodeURIComponent(id)}`,
      mime_type: stored.mimeType,
      sha256: createHash("sha256").update(stored.data).digest("hex"),
      file_size: stored.data.byteLength,
      id,
    });
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? "/", origin);
    const request: ReceivedRequest = {
      method: incoming.method ?? "GET",
      path: url.pathname + url.search,
      headers: incoming.headers,
      body: await readBody(incoming),
    };
    requests.push(request);
    if (incoming.headers.authorization !== `Bearer ${options.accessToken}`) {
      answer(response, 401, graphError(190, "Invalid OAuth access token - Cannot parse access token"));
      return;
    }
    const messages = /^\/v\d+\.\d+\/([^/]+)\/messages$/.exec(url.pathname);
    if (messages && request.method === "POST") {
      if (decodeURIComponent(messages[1] ?? "") !== options.phoneNumberId) {
        answer(response, 400, unknownObject(messages[1] ?? ""));
      } else if (hanging > 0) {
        // Never answered: the sender's timeout has to fire. close() drops the connection.
        hanging -= 1;
      } else {
        acceptMessage(response, request);
      }
      return;
    }
    const mediaPath = /^\/v\d+\.\d+\/([^/]+)$/.exec(url.pathname);
    if (mediaPath && request.method === "GET")
      return serveMedia(response, url, decodeURIComponent(mediaPath[1] ?? ""));
    if (url.pathname === "/whatsapp_business/attachments/" && request.method === "GET") {
      return serveMedia(response, url, null);
    }
    answer(response, 400, graphError(2500, `Unknown path components: ${url.pathname}`));
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => answer(response, 500, graphError(1, String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function mediaIdOf(message: CustomerMessage): string {
    const id = String(randomInt(100_000_000_000_000, 380_000_000_000_000));
    const content = message as Extract<CustomerMessage, { mimeType: string }>;
    const data = content.data ?? `test ${content.type}`;
    media.set(id, { mimeType: content.mimeType, data: Buffer.from(data) });
    return id;
  }

  async function deliver(
    webhookUrl: string,
    batch: { messages?: CustomerMessage[]; statuses?: StatusReport[] },
    deliveryOptions: DeliveryOptions = {},
  ) {
    const messages = (batch.messages ?? []).map((message) => messageObject(message, number, mediaIdOf));
    const target = { ...number, phoneNumberId: deliveryOptions.phoneNumberId ?? number.phoneNumberId };
    const payload = deliveryBody(target, messages, batch.messages ?? [], batch.statuses ?? []);
    const result = await postDelivery(webhookUrl, payload, options.appSecret, deliveryOptions.signature);
    return { ...result, messageIds: messages.map((message) => String(message.id)) };
  }

  return {
    url: `${origin}/${version}`,
    sent,
    requests,
    waitForMessages(count, timeoutMilliseconds = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (sent.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(sent.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `expected ${count} WhatsApp messages within ${timeoutMilliseconds} ms, got ${sent.length}`,
            ),
          );
        }, timeoutMilliseconds);
        waiters.add(check);
        check();
      });
    },
    failNext(count, status = 500, error) {
      for (let index = 0; index < count; index += 1) failures.push(failureFor(status, error));
    },
    hangNext(count) {
      hanging += count;
    },
    sendInbound: (webhookUrl, message, deliveryOptions) =>
      deliver(webhookUrl, { messages: Array.isArray(message) ? message : [message] }, deliveryOptions),
    async sendStatus(webhookUrl, status, deliveryOptions) {
      const { messageIds: _none, ...result } = await deliver(
        webhookUrl,
        { statuses: Array.isArray(status) ? status : [status] },
        deliveryOptions,
      );
      return result;
    },
    deliver,
    async verify(webhookUrl, verifyToken, challenge) {
      const url = new URL(webhookUrl);
      url.searchParams.set("hub.mode", "subscribe");
      url.searchParams.set("hub.challenge", challenge);
      url.searchParams.set("hub.verify_token", verifyToken);
      const response = await fetch(url, { headers: { "user-agent": "facebookplatform/1.0" } });
      return { status: response.status, body: await response.text() };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
