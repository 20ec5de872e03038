/**
 * A local stand-in for MessageBird's Conversations API, for end-to-end tests and `parley
 * channels simulate`: it takes `POST /v1/send` as MessageBird does (AccessKey authentication,
 * validation, its error and success bodies), records what was sent, can be told to fail or
 * hang, and delivers signed `message.created` / `message.updated` webhooks to Parley.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  messagebirdId,
  messageCreatedEvent,
  messageUpdatedEvent,
  signMessagebirdWebhook,
} from "./messagebird-provider-webhooks.ts";

export { messagebirdId, messageCreatedEvent, messageUpdatedEvent, signMessagebirdWebhook };

type HeaderMap = Record<string, string | undefined>;
type JsonObject = Record<string, unknown>;
type Answer = { status: number; body: string };

export interface MessagebirdProviderOptions {
  /** The MessageBird channel id: Parley's connection address, and the only `from` accepted. */
  channelId: string;
  accessKey: string;
  signingKey: string;
  /** What the channel carries; decides the text limit and whether media can be sent. Default "whatsapp". */
  platform?: "sms" | "whatsapp";
  /** The business's phone number, written as `to` on inbound messages. */
  channelNumber?: string;
}

/** A message MessageBird accepted, in Parley-neutral form, with the raw request. */
export interface SentMessagebirdMessage {
  providerMessageId: string;
  to: string;
  from: string;
  type: string;
  text?: string;
  media?: { url: string; caption?: string };
  reportUrl?: string;
  request: { headers: HeaderMap; body: JsonObject };
}

/** What a customer sends: text, a file, a location, or any other MessageBird type as is. */
export type InboundMessagebirdMessage = {
  from: string;
  /** The WhatsApp profile name MessageBird puts on the contact; default none (it shows the number). */
  displayName?: string;
  /** Default a fresh 32-hex id. */
  id?: string;
  /** Milliseconds since the epoch; default now. */
  createdAt?: number;
  /** Default the provider's channel id (a message to another channel of the same account). */
  channelId?: string;
  /** Default "received"; "sent" is how MessageBird echoes the business's own messages. */
  direction?: "received" | "sent";
} & (
  | { text: string }
  | { media: { type: "image" | "video" | "audio" | "file"; url: string; caption?: string } }
  | { location: { latitude: number; longitude: number } }
  | { type: string; content: Record<string, unknown> }
);

export interface MessagebirdStatus {
  messageId: string;
  /** MessageBird's message statuses: accepted, pending, sent, delivered, read, failed, rejected… */
  status: string;
  /** The customer's number; default "+31612345678". */
  to?: string;
  error?: { code: number; description: string };
}

/** How the webhook is signed: correctly by default, or wrong in one of the ways tests need. */
export interface WebhookSigning {
  signature?: "valid" | "expired" | "not-yet-valid" | "wrong-key" | "wrong-issuer" | "missing";
  /** Milliseconds since the epoch the token is made at; default now. */
  now?: number;
}

export type WebhookResponse = { status: number; contentType: string | null; body: string };

/** What `startMessagebirdProvider` gives a test: the server's public face. */
export type MessagebirdProvider = Pick<
  MessagebirdProviderServer,
  | "url"
  | "sent"
  | "requests"
  | "waitForMessages"
  | "failNext"
  | "hangNext"
  | "sendInbound"
  | "sendStatus"
  | "close"
>;

function errorBody(code: number, description: string, parameter: string | null): string {
  return JSON.stringify({ errors: [{ code, description, parameter }] });
}

const mediaTypes = ["image", "video", "audio", "file"];

/** The first thing MessageBird would refuse in a send request, as its status and error body. */
function validationProblem(body: JsonObject, options: MessagebirdProviderOptions): Answer | undefined {
  for (const field of ["to", "from", "type", "content"]) {
    if (body[field] === undefined || body[field] === null || body[field] === "") {
      return { status: 400, body: errorBody(21, "Bad request", field) };
    }
  }
  const invalid = (parameter: string) => ({
    status: 422,
    body: errorBody(21, "Invalid parameter", parameter),
  });
  if (typeof body.to !== "string" || !/^\+?[1-9]\d{6,14}$/.test(body.to)) return invalid("to");
  if (body.from !== options.channelId)
    return { status: 404, body: errorBody(20, "Channel not found", "from") };
  const content = body.content;
  if (typeof content !== "object" || content === null) return invalid("content");
  const fields = content as JsonObject;
  const platform = options.platform ?? "whatsapp";
  if (body.type === "text") {
    const limit = platform === "sms" ? 1600 : 4096;
    if (typeof fields.text !== "string" || fields.text === "" || fields.text.length > limit) {
      return invalid("content.text");
    }
    return undefined;
  }
  if (typeof body.type !== "string" || !mediaTypes.includes(body.type) || platform === "sms")
    return invalid("type");
  const media = fields[body.type] as JsonObject | undefined;
  if (typeof media?.url !== "string" || !/^https?:\/\//.test(media.url))
    return invalid(`content.${body.type}.url`);
  if (media.caption !== undefined && (typeof media.caption !== "string" || media.caption.length > 1024)) {
    return invalid(`content.${body.type}.caption`);
  }
  return undefined;
}

function sentMessageOf(id: string, body: JsonObject, headers: HeaderMap): SentMessagebirdMessage {
  const content = body.content as JsonObject;
  const type = String(body.type);
  const media = content[type] as { url: string; caption?: string } | undefined;
  const { url, caption } = media ?? {};
  return {
    providerMessageId: id,
    to: String(body.to),
    from: String(body.from),
    type,
    ...(type === "text" ? { text: String(content.text) } : {}),
    ...(url === undefined ? {} : { media: { url, ...(caption ? { caption } : {}) } }),
    ...(typeof body.reportUrl === "string" ? { reportUrl: body.reportUrl } : {}),
    request: { headers, body },
  };
}

function parsedObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : undefined;
  } catch {
    return undefined;
  }
}

class MessagebirdProviderServer {
  /** The API base URL to give the connection (`apiBaseUrl`). */
  url = "";
  readonly sent: SentMessagebirdMessage[] = [];
  /** Every request to the API, accepted or not. */
  readonly requests: Array<{ method: string; path: string; headers: HeaderMap; body: string }> = [];
  private readonly options: MessagebirdProviderOptions;
  private readonly server = createServer((request, response) => {
    this.handle(request, response).catch(() => response.destroy());
  });
  private readonly waiters = new Set<() => void>();
  private readonly hanging: ServerResponse[] = [];
  private failures: number[] = [];
  private hangs = 0;

  constructor(options: MessagebirdProviderOptions) {
    this.options = options;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const headers: HeaderMap = {};
    for (const [name, value] of Object.entries(request.headers)) {
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    this.requests.push({ method: request.method ?? "", path, headers, body: text });
    if (request.method === "POST" && path === "/v1/send" && this.hangs > 0) {
      this.hangs -= 1;
      this.hanging.push(response);
      return;
    }
    const answer =
      request.method === "POST" && path === "/v1/send"
        ? this.answerSend(headers, text)
        : { status: 404, body: errorBody(20, "Resource not found", null) };
    response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
  }

  /** Failures asked for, then authentication, then validation, as MessageBird checks them. */
  private answerSend(headers: HeaderMap, text: string): Answer {
    const failure = this.failures.shift();
    if (failure !== undefined) {
      const description = failure === 429 ? "Too many requests" : "Internal error";
      return { status: failure, body: errorBody(failure === 429 ? 429 : 99, description, null) };
    }
    if (headers.authorization !== `AccessKey ${this.options.accessKey}`) {
      return { status: 401, body: errorBody(2, "Request not allowed (incorrect access_key)", "access_key") };
    }
    const body = parsedObject(text);
    if (body === undefined) return { status: 400, body: errorBody(21, "Bad request", null) };
    const problem = validationProblem(body, this.options);
    if (problem) return problem;

    const id = messagebirdId();
    this.sent.push(sentMessageOf(id, body, headers));
    for (const wake of this.waiters) wake();
    return { status: 202, body: JSON.stringify({ id, status: "accepted", fallback: null }) };
  }

  waitForMessages(count: number, timeoutMilliseconds = 5000): Promise<SentMessagebirdMessage[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.sent.length < count) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(this.sent.slice());
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const counted = `${this.sent.length} of ${count} messages in ${timeoutMilliseconds} ms`;
        reject(new Error(`MessageBird received ${counted}`));
      }, timeoutMilliseconds);
      if (!check()) this.waiters.add(check);
    });
  }

  /** The next `count` send requests are answered with `status` (5xx or 429) and MessageBird's error body. */
  failNext(count: number, status = 500): void {
    this.failures.push(...Array.from({ length: count }, () => status));
  }

  /** The next `count` send requests are never answered, so the sender's timeout fires. */
  hangNext(count: number): void {
    this.hangs += count;
  }

  /** Posts a customer's message to Parley's webhook, signed for that exact URL, as MessageBird would. */
  async sendInbound(webhookUrl: string, message: InboundMessagebirdMessage, signing: WebhookSigning = {}) {
    const payload = messageCreatedEvent(this.options, message);
    return { ...(await this.deliver(webhookUrl, payload, signing)), messageId: payload.message.id };
  }

  /** Posts a status change of a message Parley sent (pass `sent[i].reportUrl` to use the one it gave). */
  sendStatus(webhookUrl: string, status: MessagebirdStatus, signing: WebhookSigning = {}) {
    return this.deliver(webhookUrl, messageUpdatedEvent(this.options, status), signing);
  }

  private async deliver(
    webhookUrl: string,
    payload: unknown,
    signing: WebhookSigning,
  ): Promise<WebhookResponse> {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "MessageBird",
    };
    if (signing.signature !== "missing") {
      const { signingKey } = this.options;
      headers["messagebird-signature-jwt"] = await signMessagebirdWebhook(
        signingKey,
        webhookUrl,
        body,
        signing,
      );
    }
    const response = await fetch(webhookUrl, { method: "POST", headers, body });
    const contentType = response.headers.get("content-type");
    return { status: response.status, contentType, body: await response.text() };
  }

  async close(): Promise<void> {
    for (const response of this.hanging.splice(0)) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function startMessagebirdProvider(options: MessagebirdProviderOptions): Promise<MessagebirdProvider> {
  return new MessagebirdProviderServer(options).listen();
}
