/**
 * One web chat customer as the widget behaves (docs/web-chat.md): it starts a
 * conversation over HTTP, keeps the conversation's WebSocket open, sends each message
 * with POST and reads the assistant's answer from the socket. It answers whatever was
 * asked last: a name to the text question, a random button to the team question.
 */
import type http from "node:http";
import type { TranscriptMessageBody } from "@parley/engine";
import { keepAliveAgent, postJson } from "./http-client.ts";

interface Message {
  sequence: number;
  author: string;
  body: TranscriptMessageBody;
}

export interface TurnTiming {
  /** performance.now() when the assistant's reply arrived on the socket. */
  repliedAt: number;
  /** From just before the POST to the reply on the socket. */
  replyMilliseconds: number;
  /** From just before the POST to its 202. */
  acceptedMilliseconds: number;
}

const replyTimeoutMilliseconds = 10_000;

export class SimulatedCustomer {
  private readonly baseUrl: string;
  private readonly agent: http.Agent;
  private conversationId = "";
  private visitorToken = "";
  private socket: WebSocket | null = null;
  private lastSequence = 0;
  private lastAssistantBody: Message["body"] | null = null;
  /** Messages this customer has sent, and how many of them the socket has shown so far. */
  private counter = 0;
  private customerMessagesSeen = 0;
  /** The sequence number of the message being answered, once the socket or the 202 told it. */
  private sentSequence: number | null = null;
  private awaitingReply: ((repliedAt: number) => void) | null = null;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
    // Like a browser, each customer keeps its own connection from the start request on. A shared
    // pool would open connections in the middle of the load instead, and a server whose event loop
    // is saturated (PGlite) serves a new connection's first request many seconds late.
    this.agent = keepAliveAgent(1);
  }

  async start(brandId: string): Promise<void> {
    const response = await postJson(this.agent, new URL("/v1/web-chat/conversations", this.baseUrl), {
      brandId,
      session: { currentPage: "https://shop.example/cart", language: "en" },
    });
    if (response.status !== 201) throw new Error(`starting a conversation answered ${response.status}`);
    const started = response.body as {
      conversation: { id: string };
      visitorToken: string;
      messages: Message[];
    };
    this.conversationId = started.conversation.id;
    this.visitorToken = started.visitorToken;
    for (const message of started.messages) this.receive(message, 0);
  }

  async connect(): Promise<void> {
    const url = new URL(`/v1/web-chat/conversations/${this.conversationId}/socket`, this.baseUrl);
    url.protocol = "ws:";
    url.searchParams.set("token", this.visitorToken);
    url.searchParams.set("after", String(this.lastSequence));
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener("message", (event) => {
      const arrivedAt = performance.now();
      const frame = JSON.parse(String(event.data)) as { type: string; message?: Message };
      if (frame.type === "message" && frame.message) this.receive(frame.message, arrivedAt);
    });
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener("open", () => resolve(), { once: true });
      socket.addEventListener("error", () => reject(new Error("the socket did not open")), { once: true });
    });
  }

  close(): void {
    this.socket?.close();
    this.agent.destroy();
  }

  /** Sends the answer to the last question and waits for the assistant's next message. */
  async turn(): Promise<TurnTiming> {
    const options = this.lastAssistantBody?.kind === "buttons" ? this.lastAssistantBody.options : [];
    const option = options[Math.floor(Math.random() * options.length)];
    const content = option ? { optionId: option.id } : { text: "Alice" };
    this.counter += 1;
    this.sentSequence = null;
    let timeout: NodeJS.Timeout | undefined;
    const reply = new Promise<number>((resolve, reject) => {
      this.awaitingReply = resolve;
      timeout = setTimeout(
        () => reject(new Error(`no reply within ${replyTimeoutMilliseconds / 1000} s`)),
        replyTimeoutMilliseconds,
      );
    });
    // A timeout while the POST is still out must not count as an unhandled rejection.
    reply.catch(() => {});
    const sentAt = performance.now();
    try {
      const response = await postJson(
        this.agent,
        new URL(`/v1/web-chat/conversations/${this.conversationId}/messages`, this.baseUrl),
        { clientMessageId: `bench-${this.counter}`, ...content },
        { "x-parley-visitor-token": this.visitorToken },
      );
      const acceptedMilliseconds = performance.now() - sentAt;
      if (response.status !== 202) throw new Error(`sending answered ${response.status}`);
      const sequence = (response.body as { sequence: number | null }).sequence;
      if (this.sentSequence === null && sequence !== null) this.sentSequence = sequence;
      const repliedAt = await reply;
      return { repliedAt, replyMilliseconds: repliedAt - sentAt, acceptedMilliseconds };
    } finally {
      clearTimeout(timeout);
      this.awaitingReply = null;
    }
  }

  private receive(message: Message, arrivedAt: number): void {
    if (message.sequence <= this.lastSequence) return;
    this.lastSequence = message.sequence;
    if (message.author === "customer") {
      this.customerMessagesSeen += 1;
      // Counting, not just the latest: after a timed-out turn, its late messages must not end the next one.
      if (this.customerMessagesSeen === this.counter) this.sentSequence = message.sequence;
    }
    if (message.author !== "assistant") return;
    this.lastAssistantBody = message.body;
    // The customer's message and the reply are stored in one transaction, so the socket
    // always delivers the customer's message first.
    if (this.awaitingReply && this.sentSequence !== null && message.sequence > this.sentSequence) {
      this.awaitingReply(arrivedAt);
      this.awaitingReply = null;
    }
  }
}
