import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  recordedChatCompletion,
  recordedChatCompletionChunks,
  streamedPieces,
} from "./openai-chat-completion-fixtures.ts";

/** A request the test server received, for assertions. */
export interface ReceivedRequest {
  method: string;
  /** The path, e.g. "/v1/chat/completions". */
  path: string;
  headers: IncomingHttpHeaders;
  /** The JSON body, parsed; undefined when it was not JSON. */
  body: ChatCompletionRequestBody | undefined;
}

/** The parts of a chat-completions request body the tests look at. */
export interface ChatCompletionRequestBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: { role: string; content: unknown }[];
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  [field: string]: unknown;
}

/** What the server answers with. */
export type TestServerReply =
  /** A normal reply: streamed as server-sent events when the request asks for `stream`, else one JSON body. */
  | { kind: "answer"; text: string; pieces?: string[]; finishReason?: string; pauseBetweenChunksMs?: number }
  /** An HTTP error with a JSON body (use the recorded error bodies). */
  | { kind: "error"; status: number; body: unknown }
  /** Any bytes at all, for malformed responses. */
  | { kind: "raw"; status: number; contentType: string; body: string }
  /** Takes the request and never answers, for timeouts. */
  | { kind: "silence" };

export interface OpenAITestServer {
  /** The API base, "http://127.0.0.1:<port>/v1" (or the `apiBase` asked for), as a client wants it. */
  baseUrl: string;
  requests: ReceivedRequest[];
  /** Sets the reply to the next requests: a fixed reply, or one computed from the request. */
  reply(next: TestServerReply | ((request: ReceivedRequest) => TestServerReply)): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for the OpenAI chat-completions API (`POST
 * /v1/chat/completions`), on 127.0.0.1 and a free port, answering with the
 * recorded response layouts. It lets tests go through the real HTTP client,
 * SSE parser and error handling of the AI SDK without a network or a key.
 */
export async function startOpenAITestServer(
  initialReply: TestServerReply = { kind: "answer", text: "" },
  /** Where the API lives on the server: "/v1" as at OpenAI, "/openai/v1" as at Azure OpenAI. */
  options: { apiBase?: string } = {},
): Promise<OpenAITestServer> {
  const apiBase = options.apiBase ?? "/v1";
  const requests: ReceivedRequest[] = [];
  let replyFor: (request: ReceivedRequest) => TestServerReply = () => initialReply;

  const server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing);
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const raw = await readBody(incoming);
    const request: ReceivedRequest = {
      method: incoming.method ?? "",
      path: new URL(incoming.url ?? "/", "http://127.0.0.1").pathname,
      headers: incoming.headers,
      body: parseJson(raw),
    };
    requests.push(request);
    if (request.method !== "POST" || request.path !== `${apiBase}/chat/completions`) {
      sendJson(outgoing, 404, {
        error: { message: "Not found", type: "invalid_request_error", param: null, code: null },
      });
      return;
    }
    await send(outgoing, replyFor(request), request);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${apiBase}`,
    requests,
    reply(next) {
      replyFor = typeof next === "function" ? next : () => next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Silent replies hold their connections open; closing them lets close() finish.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function send(
  outgoing: ServerResponse,
  reply: TestServerReply,
  request: ReceivedRequest,
): Promise<void> {
  switch (reply.kind) {
    case "silence":
      return;
    case "error":
      sendJson(outgoing, reply.status, reply.body);
      return;
    case "raw":
      outgoing.writeHead(reply.status, { "content-type": reply.contentType });
      outgoing.end(reply.body);
      return;
    case "answer": {
      const options = { model: request.body?.model, finishReason: reply.finishReason };
      if (!request.body?.stream) {
        sendJson(outgoing, 200, recordedChatCompletion(reply.text, options));
        return;
      }
      const chunks = recordedChatCompletionChunks(reply.pieces ?? streamedPieces(reply.text), {
        ...options,
        includeUsage: request.body.stream_options?.include_usage === true,
      });
      outgoing.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      for (const chunk of chunks) {
        if (outgoing.destroyed) return;
        outgoing.write(`data: ${JSON.stringify(chunk)}\n\n`);
        if (reply.pauseBetweenChunksMs) await pause(reply.pauseBetweenChunksMs);
      }
      outgoing.end("data: [DONE]\n\n");
      return;
    }
  }
}

function sendJson(outgoing: ServerResponse, status: number, body: unknown): void {
  outgoing.writeHead(status, { "content-type": "application/json" });
  outgoing.end(JSON.stringify(body));
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of incoming) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

function parseJson(text: string): ChatCompletionRequestBody | undefined {
  try {
    return JSON.parse(text) as ChatCompletionRequestBody;
  } catch {
    return undefined;
  }
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
