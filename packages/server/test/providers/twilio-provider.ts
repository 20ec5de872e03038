import { randomBytes } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import type { AddressInfo } from "node:net";
import { smsSegmentsOf } from "../../src/channels/messaging/message-text.ts";
import { inboundFields, postSigned, statusFields } from "./twilio-provider-webhooks.ts";

/**
 * A stand-in for Twilio Programmable Messaging on 127.0.0.1, for end-to-end tests and
 * `parley channels simulate`: it takes messages at the REST API's Messages.json as Twilio does
 * (Basic auth, form body, Twilio's error codes and resource shape), and it plays Twilio's side of
 * the webhooks, signing customers' messages and status callbacks with the official SDK.
 */
export interface TwilioProviderOptions {
  accountSid: string;
  authToken: string;
}

/** A message Parley sent, with addresses as Parley writes them (no `whatsapp:` prefix). */
export interface SentTwilioMessage {
  sid: string;
  kind: "sms" | "whatsapp";
  to: string;
  from: string;
  body: string;
  mediaUrls: string[];
  statusCallback: string | null;
  /** The request as it arrived, every field with all its values. */
  request: { headers: IncomingHttpHeaders; body: string; fields: Record<string, string[]> };
}

/** A customer's message for Twilio to deliver to Parley's webhook. */
export interface TwilioInboundMessage {
  /** The customer: `+15551234567`, or `whatsapp:+15551234567` for WhatsApp. */
  from: string;
  /** The business's number; gets the `whatsapp:` prefix when `from` has it. */
  to: string;
  body?: string;
  media?: Array<{ url: string; contentType: string }>;
  /** A tapped quick-reply button of a WhatsApp template. */
  button?: { payload: string; text: string };
  location?: { latitude: number; longitude: number; address?: string; label?: string };
  /** WhatsApp only; defaults to "Test Customer". */
  profileName?: string;
  /** A fixed sid, to replay a message as Twilio's retries do. */
  messageSid?: string;
  /** Added or replacing fields, as Twilio adds new ones without notice. */
  fields?: Record<string, string>;
  /** "missing" sends no signature, "wrong" signs with another token. */
  signature?: "valid" | "missing" | "wrong";
}

export interface TwilioStatusUpdate {
  messageSid: string;
  /** Twilio's MessageStatus: queued, sent, delivered, read, undelivered, failed… */
  status: string;
  errorCode?: string;
  /** Needed only for a sid the provider did not send itself. */
  to?: string;
  from?: string;
}

export interface WebhookCallResult {
  status: number;
  contentType: string;
  body: string;
  /** The form Twilio posted. */
  fields: Record<string, string>;
}

export interface TwilioProvider {
  /** The API base URL, for the connection's `apiBaseUrl`. */
  url: string;
  sent: SentTwilioMessage[];
  /** Every request to the REST API, answered or not, in order. */
  requests: Array<{ method: string; path: string; answeredWith: number | "nothing" }>;
  /** Resolves with the first `count` sent messages once that many arrived. */
  waitForMessages(count: number, timeoutMilliseconds?: number): Promise<SentTwilioMessage[]>;
  /** The next `count` requests are answered with `status` (5xx or 429) and Twilio's error body. */
  failNext(count: number, status?: number): void;
  /** The next `count` requests are never answered, so the sender's timeout fires. */
  hangNext(count: number): void;
  sendInbound(webhookUrl: string, message: TwilioInboundMessage): Promise<WebhookCallResult>;
  sendStatus(webhookUrl: string, update: TwilioStatusUpdate): Promise<WebhookCallResult>;
  /** Posts a status callback for a sent message to the StatusCallback it was sent with. */
  reportStatus(messageSid: string, status: string, errorCode?: string): Promise<WebhookCallResult>;
  close(): Promise<void>;
}

const messagesPath = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const phoneNumber = /^\+[1-9][0-9]{6,14}$/;
/** Besides phone numbers, Twilio sends from short codes and alphanumeric sender ids. */
const senderId = /^(\+[1-9][0-9]{6,14}|[0-9]{3,8}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/;
const bodyLimit = 1600;

/** What the server remembers between requests. */
interface ProviderState {
  options: TwilioProviderOptions;
  sent: SentTwilioMessage[];
  requests: TwilioProvider["requests"];
  failures: number[];
  hangs: number;
  waiters: Set<() => void>;
}

export async function startTwilioProvider(options: TwilioProviderOptions): Promise<TwilioProvider> {
  const state: ProviderState = {
    options,
    sent: [],
    requests: [],
    failures: [],
    hangs: 0,
    waiters: new Set(),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => handleRequest(state, request, Buffer.concat(chunks).toString("utf8"), response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const provider: TwilioProvider = {
    url: `http://127.0.0.1:${port}`,
    sent: state.sent,
    requests: state.requests,
    waitForMessages: (count, timeoutMilliseconds = 5000) =>
      waitForMessages(state, count, timeoutMilliseconds),
    failNext(count, status = 500) {
      for (let index = 0; index < count; index += 1) state.failures.push(status);
    },
    hangNext(count) {
      state.hangs += count;
    },
    sendInbound: (webhookUrl, message) =>
      postSigned(webhookUrl, inboundFields(message, options), options, message.signature),
    sendStatus: (webhookUrl, update) =>
      postSigned(webhookUrl, statusFields(update, state.sent, options), options),
    async reportStatus(messageSid, status, errorCode) {
      const message = state.sent.find((candidate) => candidate.sid === messageSid);
      if (!message?.statusCallback)
        throw new Error(`no message ${messageSid} was sent with a StatusCallback`);
      return provider.sendStatus(message.statusCallback, {
        messageSid,
        status,
        ...(errorCode ? { errorCode } : {}),
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Hung requests hold their sockets open; closing them lets the server stop.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return provider;
}

/** One request to the REST API: the test's scripted failures first, then Twilio's own checks. */
function handleRequest(
  state: ProviderState,
  request: IncomingMessage,
  body: string,
  response: ServerResponse,
): void {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  const entry: TwilioProvider["requests"][number] = {
    method: request.method ?? "",
    path,
    answeredWith: "nothing",
  };
  state.requests.push(entry);
  if (state.hangs > 0) {
    state.hangs -= 1;
    return;
  }
  const [status, answer] = answerTo(state, request, path, body);
  entry.answeredWith = status;
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    ...(status === 401 ? { "www-authenticate": 'Basic realm="Twilio API"' } : {}),
  });
  response.end(JSON.stringify(answer));
  if (status === 201) for (const wake of state.waiters) wake();
}

function answerTo(
  state: ProviderState,
  request: IncomingMessage,
  path: string,
  body: string,
): [number, unknown] {
  const failure = state.failures.shift();
  if (failure !== undefined) return [failure, failureBody(failure)];
  const route = messagesPath.exec(path);
  if (!route) return [404, twilioError(20404, `The requested resource ${path} was not found`, 404)];
  if (request.method !== "POST") return [405, twilioError(20004, "Method not allowed", 405)];
  if (!authenticated(request.headers.authorization, route[1] ?? "", state.options)) {
    return [401, twilioError(20003, "Authenticate", 401)];
  }
  const fields = fieldsOf(body);
  const refusal = refusalOf(fields);
  if (refusal) return [400, refusal];
  const message = recordOf(fields, { headers: request.headers, body, fields });
  state.sent.push(message);
  return [201, messageResource(message, state.options.accountSid)];
}

function waitForMessages(state: ProviderState, count: number, timeoutMilliseconds: number) {
  return new Promise<SentTwilioMessage[]>((resolve, reject) => {
    const check = () => {
      if (state.sent.length < count) return;
      clearTimeout(timer);
      state.waiters.delete(check);
      resolve(state.sent.slice(0, count));
    };
    const timer = setTimeout(() => {
      state.waiters.delete(check);
      const received = state.sent.length;
      reject(new Error(`Twilio received ${received} of ${count} messages within ${timeoutMilliseconds} ms`));
    }, timeoutMilliseconds);
    state.waiters.add(check);
    check();
  });
}

function twilioError(code: number, message: string, status: number) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** Twilio's codes for its own troubles are 20000 plus the HTTP status (20429, 20500, 20503). */
function failureBody(status: number) {
  return twilioError(20000 + status, STATUS_CODES[status] ?? "Error", status);
}

function authenticated(
  header: string | undefined,
  pathAccountSid: string,
  options: TwilioProviderOptions,
): boolean {
  const match = /^Basic (.+)$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const credentials = Buffer.from(match[1], "base64").toString("utf8");
  const separator = credentials.indexOf(":");
  const user = credentials.slice(0, separator);
  const password = credentials.slice(separator + 1);
  return (
    separator > 0 &&
    user === options.accountSid &&
    password === options.authToken &&
    decodeURIComponent(pathAccountSid) === options.accountSid
  );
}

function fieldsOf(body: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) fields[name] = [...(fields[name] ?? []), value];
  return fields;
}

/** Twilio's checks of a Messages request, in the order it reports them. */
function refusalOf(fields: Record<string, string[]>) {
  const to = fields.To?.[0] ?? "";
  const from = fields.From?.[0] ?? "";
  const body = fields.Body?.[0] ?? "";
  if (!to) return twilioError(21604, "A 'To' phone number is required.", 400);
  if (!from && !fields.MessagingServiceSid?.[0])
    return twilioError(21603, "A 'From' phone number is required.", 400);
  if (!body && !fields.MediaUrl?.length) return twilioError(21602, "Message body is required.", 400);
  if (body.length > bodyLimit) {
    return twilioError(21617, "The concatenated message body exceeds the 1600 character limit.", 400);
  }
  if (from && to.startsWith("whatsapp:") !== from.startsWith("whatsapp:")) {
    return twilioError(21910, "Invalid From and To pair. From and To should be of the same channel", 400);
  }
  if (!phoneNumber.test(withoutPrefix(to))) {
    return twilioError(21211, `The 'To' number ${to} is not a valid phone number.`, 400);
  }
  if (from && !senderId.test(withoutPrefix(from))) {
    return twilioError(
      21212,
      `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
      400,
    );
  }
  return null;
}

export function withoutPrefix(address: string): string {
  return address.replace(/^whatsapp:/, "");
}

function recordOf(
  fields: Record<string, string[]>,
  request: SentTwilioMessage["request"],
): SentTwilioMessage {
  const mediaUrls = fields.MediaUrl ?? [];
  const to = fields.To?.[0] ?? "";
  return {
    sid: `${mediaUrls.length > 0 ? "MM" : "SM"}${randomBytes(16).toString("hex")}`,
    kind: to.startsWith("whatsapp:") ? "whatsapp" : "sms",
    to: withoutPrefix(to),
    from: withoutPrefix(fields.From?.[0] ?? ""),
    body: fields.Body?.[0] ?? "",
    mediaUrls,
    statusCallback: fields.StatusCallback?.[0] ?? null,
    request,
  };
}

/** Twilio's dates are RFC 2822 with a numeric zone: "Thu, 24 Aug 2023 05:01:45 +0000". */
function twilioDate(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

function messageResource(message: SentTwilioMessage, accountSid: string) {
  const now = twilioDate(new Date());
  const prefix = message.kind === "whatsapp" ? "whatsapp:" : "";
  const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}`;
  return {
    account_sid: accountSid,
    api_version: "2010-04-01",
    body: message.body,
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from: `${prefix}${message.from}`,
    messaging_service_sid: null,
    num_media: String(message.mediaUrls.length),
    num_segments: String(message.kind === "sms" ? smsSegmentsOf(message.body).segments : 1),
    price: null,
    price_unit: "USD",
    sid: message.sid,
    status: "queued",
    subresource_uris: { media: `${uri}/Media.json` },
    to: `${prefix}${message.to}`,
    uri: `${uri}.json`,
  };
}
