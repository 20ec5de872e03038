import type {} from "@fastify/websocket";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { WebSocket } from "ws";
import type { ConversationFeed } from "../../conversations/conversation-feed.ts";
import { findConversation, messagesAfter } from "../../conversations/conversation-store.ts";
import type { FeedNotice } from "../../conversations/feed-notice.ts";
import type { Database } from "../../database/connection.ts";
import { ApiError } from "../../http/errors.ts";
import { FrameBudget, tooManyFramesCloseCode } from "./frame-budget.ts";
import { conversationForVisitor, publicConversation } from "./public-conversation.ts";
import { ConversationParams, SocketQuery } from "./web-chat-schemas.ts";

/** Idle sockets are pinged so proxies keep them open and dead ones are noticed. */
const pingIntervalMilliseconds = 25_000;
/** How long a socket closed for abuse has to answer the close before its connection is cut. */
const closeGraceMilliseconds = 1000;

/**
 * Streams a conversation to the visitor: first every message after the client's last
 * sequence number, then each new one as any process stores it, in order. A notice's
 * messages are sent as they come only when they follow the last one sent; otherwise
 * the socket reads the database by sequence number, so a notice that is late, lost
 * or repeated cannot reorder, drop or duplicate what the customer sees.
 */
export function registerWebChatSocket(
  app: FastifyInstance,
  options: { database: Database; feed: ConversationFeed; requestsPerMinutePerIp: number },
): void {
  const { database, feed } = options;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/v1/web-chat/conversations/:id/socket",
    {
      websocket: true,
      config: { scope: "public", rateLimit: { max: options.requestsPerMinutePerIp, timeWindow: 60_000 } },
      schema: {
        tags: ["Web chat"],
        summary: "WebSocket: the conversation's messages as they come",
        params: ConversationParams,
        querystring: SocketQuery,
      },
    },
    async (socket, request) => {
      // Counted from the first frame, before the conversation is known, so none goes unmetered.
      let onTyping: ((active: boolean) => void) | null = null;
      readClientFrames(socket, request.log, request.params.id, (active) => onTyping?.(active));
      let row: Awaited<ReturnType<typeof conversationForVisitor>>;
      try {
        row = await conversationForVisitor(database, request.params.id, request.query.token);
      } catch (error) {
        const status = error instanceof ApiError ? error.statusCode : 500;
        socket.close(status === 404 ? 4404 : 1011, status === 404 ? "unknown conversation" : "server error");
        return;
      }
      // Closed while the conversation was read: "close" has come and gone, so nothing would unsubscribe.
      if (socket.readyState !== socket.OPEN) return;
      const conversationId = row.id;
      let sent = request.query.after;
      let reading = false;
      let readAgain = false;

      const send = (frame: unknown) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      };
      // One read at a time; a notice during a read asks for one more, so nothing is skipped.
      const catchUp = async (): Promise<void> => {
        if (reading) {
          readAgain = true;
          return;
        }
        reading = true;
        try {
          do {
            readAgain = false;
            const messages = await messagesAfter(database, conversationId, sent);
            for (const message of messages) {
              send({ type: "message", message });
              sent = message.sequence;
            }
            if (messages.length === 500) readAgain = true;
          } while (readAgain && socket.readyState === socket.OPEN);
        } catch (error) {
          request.log.warn({ err: error, conversationId }, "reading messages for a socket failed");
        } finally {
          reading = false;
        }
      };
      const sendConversation = async (): Promise<void> => {
        const current = await findConversation(database, conversationId);
        if (current)
          send({ type: "conversation", conversation: await publicConversation(database, current) });
      };
      /** The notice's messages when, without a read in progress, they take up right after the last one sent. */
      const sendCarried = (notice: FeedNotice): boolean => {
        const unsent = notice.messages?.filter((message) => message.sequence > sent) ?? [];
        if (reading || unsent.length === 0 || unsent[0]?.sequence !== sent + 1) return false;
        for (const message of unsent) {
          send({ type: "message", message });
          sent = message.sequence;
        }
        return sent === notice.lastSequence;
      };
      const onNotice = (notice: FeedNotice | null) => {
        if (notice?.typing && notice.typing.author !== "customer") send({ type: "typing", ...notice.typing });
        // A draft that comes after the answer itself (NOTIFY connections do not keep order) is stale.
        if (notice?.draft && sent <= notice.draft.afterSequence) {
          send({
            type: "draft",
            author: "assistant",
            requestId: notice.draft.requestId,
            text: notice.draft.text,
          });
        }
        if (notice === null) void catchUp();
        else if (notice.lastSequence !== undefined && notice.lastSequence > sent && !sendCarried(notice))
          void catchUp();
        if (notice === null || notice.conversationChanged) void sendConversation().catch(() => {});
      };

      const unsubscribe = feed.subscribe(conversationId, onNotice);
      const ping = setInterval(() => socket.ping(), pingIntervalMilliseconds);
      socket.on("close", () => {
        clearInterval(ping);
        unsubscribe();
      });
      onTyping = (active) => feed.publishTyping(conversationId, "customer", active);
      await catchUp();
    },
  );
}

/**
 * Reads what the client sends within the socket's frame budget (frame-budget.ts). Every frame
 * counts, garbage, oversized ones, pings (each costs a pong) and pongs too, before anything reads it; a
 * socket far over its budget is closed with 1008, reported once, and what it still sends is not read.
 */
function readClientFrames(
  socket: WebSocket,
  log: FastifyBaseLogger,
  conversationId: string,
  onTyping: (active: boolean) => void,
): void {
  const budget = new FrameBudget();
  let closing = false;
  const admit = (): boolean => {
    if (closing) return false;
    const verdict = budget.take();
    if (verdict === "abusive") {
      closing = true;
      log.warn({ conversationId }, "closed a web chat socket that sent too many frames");
      socket.close(tooManyFramesCloseCode, "too many frames");
      // A client that does not answer the close would keep the connection for ws's 30 seconds.
      setTimeout(() => socket.terminate(), closeGraceMilliseconds).unref();
    }
    return verdict === "allowed";
  };
  socket.on("ping", () => admit());
  socket.on("pong", () => admit());
  socket.on("message", (data: WebSocket.RawData) => {
    if (!admit()) return;
    const frame = parseClientFrame(data);
    if (frame?.type === "typing") onTyping(frame.active);
  });
}

function parseClientFrame(data: WebSocket.RawData): { type: "typing"; active: boolean } | null {
  try {
    const text = data.toString();
    if (text.length > 1024) return null;
    const value = JSON.parse(text) as { type?: unknown; active?: unknown };
    return value.type === "typing" && typeof value.active === "boolean"
      ? { type: "typing", active: value.active }
      : null;
  } catch {
    return null;
  }
}
