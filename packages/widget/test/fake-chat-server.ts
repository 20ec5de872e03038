/**
 * A stand-in for the web chat routes inside the browser, through Playwright's
 * request and socket interception: it lets a test send any message body, frame
 * or failure at the widget without an assistant that happens to produce it.
 * It follows docs/web-chat.md; the real server is covered by widget.browser.test.ts.
 */
import type { Page, Route, WebSocketRoute } from "playwright-core";

export const shopUrl = "https://shop.test/";
export const chatOrigin = "https://chat.test";
export const brandId = "7d6f2b0e-0000-4000-8000-000000000001";

interface Message {
  sequence: number;
  author: "customer" | "assistant" | "agent" | "system";
  authorId: string | null;
  authorName?: string;
  body: Record<string, unknown>;
  createdAt: string;
}

export interface FakeChatServerOptions {
  widgetCode: string;
  /** The first proactive check matches with these assistant bodies. */
  proactiveBodies?: Array<Record<string, unknown>>;
  greeting?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** JSON bodies; an uploaded file's bytes are in `bytes`. */
  body: Record<string, unknown> | null;
  headers: Record<string, string>;
  bytes: number;
}

function shopPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test shop</title></head>
<body><h1>Test shop</h1><p>A page that embeds the widget from another origin.</p>
<script src="${chatOrigin}/widget.js" data-brand="${brandId}" async></script></body></html>`;
}

export class FakeChatServer {
  requests: RecordedRequest[] = [];
  socketUrls: string[] = [];
  /** What the next sends answer instead of storing: "network" aborts the request. */
  sendFailures: Array<"network" | number> = [];
  /** What the next uploads answer instead of storing the file. */
  uploadFailures: number[] = [];
  /** How long an upload takes, so a test can see it on its way. */
  uploadDelayMilliseconds = 0;
  /** Replays this many already-sent messages on every socket connection, as an overlapping resume would. */
  replayOverlap = 0;
  conversationCount = 0;
  private messages: Message[] = [];
  private files = new Map<string, { contentType: string; content: Buffer }>();
  private conversation = this.newConversation("none yet");
  private socket: WebSocketRoute | null = null;
  private options: FakeChatServerOptions;

  constructor(options: FakeChatServerOptions) {
    this.options = options;
  }

  async install(page: Page): Promise<void> {
    await page.route(shopUrl, (route) => route.fulfill({ contentType: "text/html", body: shopPage() }));
    await page.route(`${chatOrigin}/widget.js`, (route) =>
      route.fulfill({ contentType: "application/javascript; charset=utf-8", body: this.options.widgetCode }),
    );
    await page.route(`${chatOrigin}/v1/**`, (route) => this.handle(route));
    await page.routeWebSocket(/^wss:\/\/chat\.test\//, (socket) => this.connect(socket));
  }

  /** Stores an assistant (or other) message and sends it down the socket. */
  say(body: Record<string, unknown>, author: Message["author"] = "assistant", authorName?: string): Message {
    const message: Message = {
      sequence: this.conversation.lastSequence + 1,
      author,
      authorId: author === "agent" ? "agent-1" : null,
      ...(authorName ? { authorName } : {}),
      body,
      createdAt: new Date().toISOString(),
    };
    this.conversation.lastSequence = message.sequence;
    this.messages.push(message);
    this.frame({ type: "message", message });
    return message;
  }

  frame(frame: Record<string, unknown>): void {
    this.socket?.send(JSON.stringify(frame));
  }

  /** Changes the conversation's status; `announce` false leaves the widget to find out when it next sends. */
  setStatus(status: "open" | "transferred" | "ended", announce = true): void {
    this.conversation.status = status;
    if (announce) this.frame({ type: "conversation", conversation: this.conversation });
  }

  /** Drops the socket as a restarting server or a lost network would. */
  dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.close({ code: 1012, reason: "restart" });
  }

  sends(): RecordedRequest[] {
    return this.requests.filter((request) => request.method === "POST" && request.path.endsWith("/messages"));
  }

  uploads(): RecordedRequest[] {
    return this.requests.filter((request) => request.method === "POST" && request.path.endsWith("/files"));
  }

  private newConversation(id: string) {
    return {
      id,
      status: "open" as "open" | "transferred" | "ended",
      assistantStatus: "running",
      language: "en",
      assistant: { publicName: "Ava" },
      lastSequence: 0,
    };
  }

  private started(bodies: Array<Record<string, unknown>>) {
    this.conversationCount += 1;
    this.conversation = this.newConversation(`conversation-${this.conversationCount}`);
    this.messages = [];
    this.socket = null;
    for (const body of bodies) this.say(body);
    return {
      conversation: this.conversation,
      visitorToken: `token-${this.conversation.id}`,
      messages: this.messages,
    };
  }

  private connect(socket: WebSocketRoute) {
    this.socketUrls.push(socket.url());
    this.socket = socket;
    const after = Number(new URL(socket.url()).searchParams.get("after"));
    const from = Math.max(0, after - this.replayOverlap);
    for (const message of this.messages) {
      if (message.sequence > from) socket.send(JSON.stringify({ type: "message", message }));
    }
  }

  private optionLabel(optionId: string): string {
    for (const message of this.messages) {
      type Option = { id: string; label: string };
      const body = message.body as { options?: Option[]; cards?: Option[] };
      const option = [...(body.options ?? []), ...(body.cards ?? [])].find(
        (candidate) => candidate.id === optionId,
      );
      if (option) return option.label;
    }
    return optionId;
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    const headers = request.headers();
    const content = request.postDataBuffer() ?? Buffer.alloc(0);
    const isJson = headers["content-type"]?.startsWith("application/json") ?? false;
    const body =
      isJson && content.length > 0 ? (JSON.parse(content.toString()) as Record<string, unknown>) : null;
    this.requests.push({ method: request.method(), path, body, headers, bytes: content.length });
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) =>
      route.fulfill({ status, contentType: "application/json", body: JSON.stringify(payload), headers });

    if (path === `/v1/web-chat/brands/${brandId}`) {
      return json(200, {
        brand: { id: brandId, name: "Test shop" },
        settings: { consentText: "Chats are recorded.", accentColor: "#0a7d3b", position: "left" },
        assistant: { publicName: "Ava" },
      });
    }
    if (path === "/v1/web-chat/proactive") {
      const bodies = this.options.proactiveBodies;
      if (!bodies || this.conversationCount > 0) return json(200, { match: false });
      return json(201, { match: true, ...this.started(bodies) });
    }
    if (path === "/v1/web-chat/conversations" && request.method() === "POST") {
      return json(
        201,
        this.started([{ kind: "text", text: this.options.greeting ?? "Hi! How can I help?" }]),
      );
    }
    if (path.endsWith("/messages") && request.method() === "GET") {
      return json(200, { messages: this.messages, lastSequence: this.conversation.lastSequence });
    }
    if (path.endsWith("/messages") && request.method() === "POST") {
      const failure = this.sendFailures.shift();
      if (failure === "network") return route.abort("connectionreset");
      if (failure === 429) {
        return json(
          429,
          { error: { code: "rate_limited", message: "Too many requests." } },
          { "retry-after": "30" },
        );
      }
      if (failure) return json(failure, { error: { code: "invalid_request", message: "Invalid." } });
      if (this.conversation.status === "ended") {
        return json(409, { error: { code: "conversation_ended", message: "The conversation has ended." } });
      }
      const optionId = body?.optionId as string | undefined;
      const message = this.say(
        optionId
          ? { kind: "choice", optionId, label: this.optionLabel(optionId) }
          : body?.attachments
            ? { kind: "attachment", attachments: body.attachments }
            : { kind: "text", text: body?.text },
        "customer",
      );
      return json(202, { sequence: message.sequence, duplicate: false });
    }
    if (path.endsWith("/files") && request.method() === "POST") {
      await new Promise((resolve) => setTimeout(resolve, this.uploadDelayMilliseconds));
      const failure = this.uploadFailures.shift();
      if (failure) return json(failure, { error: { code: "refused", message: "Refused." } });
      const id = `file-${this.files.size + 1}`;
      const contentType = headers["content-type"] ?? "";
      this.files.set(id, { contentType, content });
      const name = decodeURIComponent(headers["x-file-name"] ?? "attachment");
      return json(201, {
        id,
        url: `/v1/web-chat/files/${id}`,
        mediaType: contentType,
        name,
        size: content.length,
      });
    }
    if (path.startsWith("/v1/web-chat/files/")) {
      const file = this.files.get(path.split("/").at(-1) ?? "");
      if (file) return route.fulfill({ status: 200, contentType: file.contentType, body: file.content });
    }
    if (path.endsWith("/identify")) return json(200, { conversation: this.conversation });
    if (path.startsWith("/v1/web-chat/conversations/") && request.method() === "GET") {
      return json(200, { conversation: this.conversation });
    }
    return json(404, { error: { code: "not_found", message: `No fake for ${request.method()} ${path}` } });
  }
}
