import { type ApiClient, type Credentials, RequestError, type StartRequest } from "./api-client.ts";
import { retryDelay } from "./backoff.ts";
import { newClientMessageId } from "./client-message-id.ts";
import type {
  ConversationView,
  OutgoingMessage,
  PageSession,
  StartedConversation,
  StoredFile,
  TranscriptMessage,
} from "./protocol.ts";
import { createSequenceTracker } from "./sequence-tracker.ts";
import { connectSocket, type SocketConnection } from "./socket-connection.ts";
import {
  clearStoredConversation,
  type KeyValueStorage,
  readStoredConversation,
  writeStoredConversation,
} from "./stored-conversation.ts";

export interface ChatSessionListener {
  /** A message not shown yet, where it goes among those shown; `live` is false for restored history. */
  message(message: TranscriptMessage, index: number, live: boolean): void;
  conversation(conversation: ConversationView): void;
  typing(author: "assistant" | "agent", active: boolean): void;
  /** An AI answer being written, as far as it goes. */
  draft(text: string): void;
  connected(connected: boolean): void;
  /** The transcript is gone: a new conversation follows, or the server forgot this one. */
  reset(): void;
}

export interface ChatSessionSettings {
  api: ApiClient;
  brandId: string;
  storage: KeyValueStorage | null;
  listener: ChatSessionListener;
}

/** Network failures and a restarting server: sending again with the same id is safe, so it is retried. */
const retriedStatuses = new Set([0, 502, 503, 504]);
const sendAttempts = 6;
/** A transcript longer than this many pages is cut short on restore: the socket still brings what follows. */
const maximumHistoryPages = 50;

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export type ChatSession = ReturnType<typeof createChatSession>;

/** One conversation's state and its traffic: start, restore, socket, sending, identification. */
export function createChatSession({ api, brandId, storage, listener }: ChatSessionSettings) {
  const tracker = createSequenceTracker();
  let credentials: Credentials | null = null;
  let conversation: ConversationView | null = null;
  let socket: SocketConnection | null = null;
  let starting: Promise<void> | null = null;
  let customerToken: string | null = null;
  let customerTokenSent = false;

  function remember() {
    if (credentials)
      writeStoredConversation(storage, brandId, { ...credentials, lastSequence: tracker.lastSequence });
  }

  function receive(message: TranscriptMessage, live: boolean) {
    const index = tracker.accept(message.sequence);
    if (index < 0) return;
    remember();
    listener.message(message, index, live);
  }

  function updateConversation(next: ConversationView) {
    conversation = next;
    listener.conversation(next);
  }

  function connect(current: Credentials) {
    socket?.close();
    socket = connectSocket({
      url: () => api.socketUrl(current, tracker.lastSequence),
      onFrame(frame) {
        if (frame.type === "message") receive(frame.message, true);
        else if (frame.type === "typing") listener.typing(frame.author, frame.active);
        else if (frame.type === "draft") listener.draft(frame.text);
        else if (frame.type === "conversation") updateConversation(frame.conversation);
      },
      onConnectedChange: listener.connected,
      onRejected: () => forget(),
    });
  }

  async function identifyNow(current: Credentials, token: string) {
    customerTokenSent = true;
    try {
      updateConversation((await api.identify(current, token)).conversation);
    } catch (error) {
      console.warn("Parley: identify failed:", error instanceof Error ? error.message : error);
    }
  }

  /** Drops the conversation: nothing is stored any more, and the next start begins a new one. */
  function forget() {
    socket?.close();
    socket = null;
    credentials = null;
    conversation = null;
    customerTokenSent = false;
    tracker.reset();
    clearStoredConversation(storage, brandId);
    listener.reset();
  }

  /** Takes over a conversation the server has just started (by the customer, or proactively). */
  function adopt(started: StartedConversation, tokenUsed: string | null) {
    const current = { conversationId: started.conversation.id, visitorToken: started.visitorToken };
    credentials = current;
    updateConversation(started.conversation);
    for (const message of started.messages) receive(message, true);
    remember();
    connect(current);
    customerTokenSent = tokenUsed !== null && tokenUsed === customerToken;
    if (customerToken && !customerTokenSent) void identifyNow(current, customerToken);
  }

  function startRequest(session: PageSession): StartRequest {
    return { brandId, session, ...(customerToken ? { customerToken } : {}) };
  }

  async function loadHistory(current: Credentials) {
    let after = 0;
    for (let page = 0; page < maximumHistoryPages; page += 1) {
      const { messages, lastSequence } = await api.messages(current, after);
      for (const message of messages) receive(message, false);
      const last = messages[messages.length - 1]?.sequence;
      if (last === undefined || last >= lastSequence) return;
      after = last;
    }
  }

  return {
    get conversation() {
      return conversation;
    },
    hasConversation: () => credentials !== null,
    isStarting: () => starting !== null,
    has: (sequence: number) => tracker.has(sequence),
    adopt: (started: StartedConversation) => adopt(started, customerToken),
    startRequest,
    forget,

    /** Comes back to the conversation this browser had with the brand; false when there is none to return to. */
    async restore(): Promise<boolean> {
      const stored = readStoredConversation(storage, brandId);
      if (!stored) return false;
      const current = { conversationId: stored.conversationId, visitorToken: stored.visitorToken };
      credentials = current;
      try {
        updateConversation((await api.conversation(current)).conversation);
        await loadHistory(current);
      } catch (error) {
        if (
          error instanceof RequestError &&
          error.status !== 0 &&
          error.status !== 429 &&
          error.status < 500
        ) {
          forget();
          return false;
        }
        // The server is out of reach: the socket replays what the history request could not bring.
      }
      if (credentials !== current) return false;
      connect(current);
      if (customerToken && !customerTokenSent) void identifyNow(current, customerToken);
      return true;
    },

    /** Starts a conversation unless there is one, or one is on its way. */
    start(session: PageSession): Promise<void> {
      if (credentials) return Promise.resolve();
      if (starting) return starting;
      starting = (async () => {
        const tokenUsed = customerToken;
        let started: StartedConversation;
        try {
          started = await api.start(startRequest(session));
        } catch (error) {
          if (!(error instanceof RequestError && error.status === 401 && tokenUsed)) throw error;
          // A bad or expired customer token must not cost the customer the chat: start anonymously.
          console.warn("Parley: the customer token was refused; chatting anonymously.");
          customerToken = null;
          started = await api.start(startRequest(session));
        }
        if (!credentials) adopt(started, tokenUsed);
      })().finally(() => {
        starting = null;
      });
      return starting;
    },

    /** Sends once, retrying with the same client message id while the network or server is away. */
    async send(message: OutgoingMessage): Promise<{ sequence: number | null }> {
      const current = credentials;
      if (!current) throw new RequestError(0, "no_conversation", "No conversation yet.");
      const clientMessageId = newClientMessageId();
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await api.send(current, { ...message, clientMessageId });
        } catch (error) {
          const retry =
            error instanceof RequestError && retriedStatuses.has(error.status) && attempt + 1 < sendAttempts;
          if (retry && credentials === current) {
            await sleep(retryDelay(attempt));
            continue;
          }
          if (error instanceof RequestError && error.code === "conversation_ended" && conversation) {
            updateConversation({ ...conversation, status: "ended" });
          }
          throw error;
        }
      }
    },

    /**
     * Uploads a file to attach, once: unlike a message it has no id that makes a
     * second try safe, and each try would count against the conversation's files.
     */
    upload(file: Blob, mediaType: string, name: string): Promise<StoredFile> {
      if (!credentials) return Promise.reject(new RequestError(0, "no_conversation", "No conversation yet."));
      return api.upload(credentials, file, mediaType, name);
    },

    identify(token: string) {
      customerToken = token;
      customerTokenSent = false;
      // Before a conversation exists the token goes with the start request instead.
      if (credentials && !starting) void identifyNow(credentials, token);
    },

    sendTyping() {
      socket?.send({ type: "typing", active: true });
    },
  };
}
