import { TranscriptMessageBodySchema } from "@parley/engine";

/**
 * A web chat customer for tests and benchmarks: the HTTP routes and the socket of
 * docs/web-chat.md over a real connection, as the widget uses them.
 */
export interface ChatMessage {
  sequence: number;
  author: "customer" | "assistant" | "agent" | "system";
  authorId: string | null;
  body: Record<string, unknown> & { kind: string };
  createdAt: string;
}

export interface StartedChat {
  conversation: { id: string; status: string; assistantStatus: string | null; lastSequence: number };
  visitorToken: string;
  messages: ChatMessage[];
}

type Frame =
  | { type: "message"; message: ChatMessage }
  | { type: "typing"; author: string; active: boolean }
  | { type: "draft"; author: string; requestId: string; text: string }
  | { type: "conversation"; conversation: Record<string, unknown> };

export class WebChatClient {
  readonly baseUrl: string;
  conversationId = "";
  visitorToken = "";
  /** Every message seen, by sequence number, whichever way it arrived. */
  readonly messages = new Map<number, ChatMessage>();
  readonly frames: Frame[] = [];
  private socket: WebSocket | null = null;
  /** Resolves with the close code once the server or the client closes the socket. */
  closeCode: Promise<number> = Promise.resolve(0);
  private waiters: Array<() => void> = [];
  private counter = 0;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async start(body: Record<string, unknown>): Promise<StartedChat> {
    const response = await fetch(`${this.baseUrl}/v1/web-chat/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`start: ${response.status} ${await response.text()}`);
    const started = (await response.json()) as StartedChat;
    this.adopt(started);
    return started;
  }

  /** Takes over a conversation started elsewhere (a proactive start). */
  adopt(started: StartedChat): void {
    this.conversationId = started.conversation.id;
    this.visitorToken = started.visitorToken;
    for (const message of started.messages) this.receive(message);
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}/v1/web-chat/conversations/${this.conversationId}${path}`, {
      method,
      headers: {
        "x-parley-visitor-token": this.visitorToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async send(
    content: { text: string } | { optionId: string },
    clientMessageId = `m${++this.counter}-${Math.random().toString(36).slice(2)}`,
  ): Promise<{ sequence: number | null; duplicate: boolean }> {
    const response = await this.request("POST", "/messages", { clientMessageId, ...content });
    if (response.status !== 202) throw new Error(`send: ${response.status} ${await response.text()}`);
    return (await response.json()) as { sequence: number | null; duplicate: boolean };
  }

  /** Opens the socket, resuming after the last message this client has seen. */
  async connect(): Promise<void> {
    const after = this.lastSequence();
    const url = `${this.baseUrl.replace(/^http/, "ws")}/v1/web-chat/conversations/${this.conversationId}/socket?token=${encodeURIComponent(this.visitorToken)}&after=${after}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener("message", (event) => {
      const frame = JSON.parse(String(event.data)) as Frame;
      this.frames.push(frame);
      if (frame.type === "message") this.receive(frame.message);
      this.wake();
    });
    this.closeCode = new Promise((resolve) => {
      socket.addEventListener("close", (event) => {
        this.wake();
        resolve(event.code);
      });
    });
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener("open", () => resolve(), { once: true });
      socket.addEventListener("error", () => reject(new Error("the socket did not open")), { once: true });
    });
  }

  disconnect(): void {
    this.socket?.close();
    this.socket = null;
  }

  lastSequence(): number {
    return Math.max(0, ...this.messages.keys());
  }

  /** Messages in order; a message seen twice would show up twice here. */
  readonly received: ChatMessage[] = [];

  /** Waits until a message satisfies `test`, or fails after `timeoutMilliseconds`. */
  async waitFor(test: (message: ChatMessage) => boolean, timeoutMilliseconds = 5000): Promise<ChatMessage> {
    const deadline = Date.now() + timeoutMilliseconds;
    for (;;) {
      const found = this.received.find(test);
      if (found) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `no matching message in ${timeoutMilliseconds} ms; saw ${JSON.stringify(this.received.map((message) => message.body))}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the next assistant message after the given sequence number. */
  nextFromAssistant(after: number, timeoutMilliseconds?: number): Promise<ChatMessage> {
    return this.waitFor(
      (message) => message.author === "assistant" && message.sequence > after,
      timeoutMilliseconds,
    );
  }

  private receive(message: ChatMessage): void {
    // Every test that chats checks the engine's message contract on the way: a body the
    // server sends must be one the widget's types describe.
    const checked = TranscriptMessageBodySchema.safeParse(message.body);
    if (!checked.success) {
      throw new Error(`message ${message.sequence} breaks the message contract: ${checked.error.message}`);
    }
    this.received.push(message);
    this.messages.set(message.sequence, message);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
