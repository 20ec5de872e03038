import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SimulatedConnection, SimulatedProvider } from "./customer-webhooks.ts";

/** An option of one of Meta's interactive messages, answered with a button_reply or list_reply. */
export interface SentChoice {
  id: string;
  title: string;
  description?: string;
  reply: "button_reply" | "list_reply";
}

/** What the assistant sent the customer, read back from the provider's API request. */
export interface SentMessage {
  to: string;
  text: string;
  choices: SentChoice[];
  /** The label of the button that opens a WhatsApp list. */
  listButton?: string;
  /** A file sent with the message, or a template's name: shown as a note. */
  attachment?: string;
}

export interface ProviderStandIn {
  /** The base URL to give the connection as its `apiBaseUrl`. */
  apiBaseUrl: string;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function objectOf(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Twilio's `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` form. */
function twilioMessage(body: string): SentMessage {
  const form = new URLSearchParams(body);
  const media = form.getAll("MediaUrl");
  return {
    to: form.get("To") ?? "",
    text: form.get("Body") ?? "",
    choices: [],
    ...(media.length > 0 ? { attachment: media.join(" ") } : {}),
  };
}

function metaInteractive(interactive: Json): Pick<SentMessage, "text" | "choices" | "listButton"> {
  const text = textOf(objectOf(interactive.body).text);
  const action = objectOf(interactive.action);
  if (interactive.type === "button") {
    const choices = arrayOf(action.buttons).map((button): SentChoice => {
      const reply = objectOf(objectOf(button).reply);
      return { id: textOf(reply.id), title: textOf(reply.title), reply: "button_reply" };
    });
    return { text, choices };
  }
  const choices = arrayOf(action.sections).flatMap((section) =>
    arrayOf(objectOf(section).rows).map((item): SentChoice => {
      const row = objectOf(item);
      const description = textOf(row.description);
      return {
        id: textOf(row.id),
        title: textOf(row.title),
        ...(description ? { description } : {}),
        reply: "list_reply",
      };
    }),
  );
  return { text, choices, listButton: textOf(action.button) };
}

/** The Cloud API's `POST /{version}/{phone number id}/messages` JSON. */
function metaMessage(body: string): SentMessage {
  const message = objectOf(JSON.parse(body));
  const to = textOf(message.to);
  const type = textOf(message.type);
  if (type === "text") return { to, text: textOf(objectOf(message.text).body), choices: [] };
  if (type === "interactive") return { to, ...metaInteractive(objectOf(message.interactive)) };
  if (type === "template") {
    const template = objectOf(message.template);
    const language = textOf(objectOf(template.language).code);
    return { to, text: "", choices: [], attachment: `template ${textOf(template.name)} (${language})` };
  }
  const media = objectOf(message[type]);
  return {
    to,
    text: textOf(media.caption),
    choices: [],
    attachment: `${type} ${textOf(media.link) || textOf(media.id)}`,
  };
}

/** MessageBird's `POST /v1/send` JSON: text, or a file with an optional caption. */
function messagebirdMessage(body: string): SentMessage {
  const message = objectOf(JSON.parse(body));
  const to = textOf(message.to);
  const type = textOf(message.type);
  const content = objectOf(message.content);
  if (type === "text") return { to, text: textOf(content.text), choices: [] };
  const media = objectOf(content[type]);
  return { to, text: textOf(media.caption), choices: [], attachment: `${type} ${textOf(media.url)}` };
}

interface ProviderApi {
  path: RegExp;
  /** The Authorization header the provider expects for the connection's credentials. */
  authorization(credentials: Record<string, string>): string;
  read(body: string): SentMessage;
  /** The provider's success answer, with a fresh message id Parley records for status updates. */
  answer(message: SentMessage): { status: number; body: Json };
}

const providerApis: Record<SimulatedProvider, ProviderApi> = {
  twilio: {
    path: /^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/,
    authorization: ({ accountSid, authToken }) =>
      `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
    read: twilioMessage,
    answer: (message) => ({
      status: 201,
      body: {
        sid: `SM${randomBytes(16).toString("hex")}`,
        to: message.to,
        body: message.text,
        status: "queued",
      },
    }),
  },
  meta: {
    path: /^\/v[0-9.]+\/[0-9]+\/messages$/,
    authorization: ({ accessToken }) => `Bearer ${accessToken}`,
    read: metaMessage,
    answer: (message) => ({
      status: 200,
      body: {
        messaging_product: "whatsapp",
        contacts: [{ input: message.to, wa_id: message.to.replace(/^\+/, "") }],
        messages: [{ id: `wamid.${randomBytes(24).toString("base64url")}` }],
      },
    }),
  },
  messagebird: {
    path: /^\/v1\/send$/,
    authorization: ({ accessKey }) => `AccessKey ${accessKey}`,
    read: messagebirdMessage,
    answer: () => ({ status: 202, body: { id: randomBytes(16).toString("hex"), status: "accepted" } }),
  },
};

/** Where each provider's API lives under the stand-in, as the connection's `apiBaseUrl` names it. */
const basePaths: Record<SimulatedProvider, string> = { twilio: "", meta: "/v23.0", messagebird: "" };

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: Json): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export interface StandInOptions {
  provider: SimulatedProvider;
  /** Filled in once the connection exists: until then no request can be checked, so all are refused. */
  connection(): SimulatedConnection | null;
  onMessage(message: SentMessage): void;
  /** A request the provider would refuse; the stand-in answers with the provider's kind of error. */
  onProblem(problem: string): void;
}

/**
 * A stand-in for the provider's sending API on a free loopback port: it takes the requests
 * Parley's delivery worker makes, checks their credentials as the provider would, and hands the
 * messages to `onMessage`.
 */
export async function startProviderStandIn(options: StandInOptions): Promise<ProviderStandIn> {
  const api = providerApis[options.provider];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await bodyOf(request);
      const path = new URL(request.url ?? "/", "http://stand-in").pathname;
      const connection = options.connection();
      if (request.method !== "POST" || !api.path.test(path)) {
        options.onProblem(
          `the ${options.provider} stand-in got ${request.method} ${path}, which it does not serve`,
        );
        return send(response, 404, { error: { message: `no route for ${request.method} ${path}` } });
      }
      if (
        connection === null ||
        request.headers.authorization !== api.authorization(connection.credentials)
      ) {
        options.onProblem("a send was refused: its credentials are not the connection's");
        return send(response, 401, { error: { code: 20003, message: "Authenticate" } });
      }
      let message: SentMessage;
      try {
        message = api.read(body);
      } catch {
        options.onProblem(`a send was refused: its body is not JSON (${body.slice(0, 80)})`);
        return send(response, 400, { error: { message: "the body is not JSON" } });
      }
      options.onMessage(message);
      const answer = api.answer(message);
      send(response, answer.status, answer.body);
    })().catch((error: unknown) => {
      options.onProblem(`the stand-in failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) send(response, 500, { error: { message: "stand-in failure" } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    apiBaseUrl: `http://127.0.0.1:${port}${basePaths[options.provider]}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
