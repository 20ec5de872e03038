import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isUuid } from "../../data/identifiers.ts";
import { ApiError } from "../../http/errors.ts";

export interface WebChatLimits {
  /** Requests per minute from one IP address to each web chat route. */
  requestsPerMinutePerIp: number;
  /** Messages per minute into one conversation. */
  messagesPerMinutePerConversation: number;
  /** Messages per minute from one IP address, whatever the conversation. */
  messagesPerMinutePerIp: number;
  /** Conversations started per minute from one IP address (proactive ones included). */
  startsPerMinutePerIp: number;
}

export const defaultWebChatLimits: WebChatLimits = {
  requestsPerMinutePerIp: 600,
  messagesPerMinutePerConversation: 60,
  messagesPerMinutePerIp: 120,
  startsPerMinutePerIp: 30,
};

const minute = 60_000;

/** The 429 every web chat limit answers, naming what was counted and the limit. */
export function rateLimited(limit: number, what: string, retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    "rate_limited",
    `Too many requests: at most ${limit} ${what} per minute; try again in ${retryAfterSeconds} s.`,
    { problems: [{ path: "", code: "rate_limited", message: `at most ${limit} ${what} per minute`, limit }] },
  );
}

/**
 * The key of a conversation's budget. Ids are matched without regard to case (isUuid, and
 * PostgreSQL's uuid type), so every spelling of one id must count against one budget.
 */
export function conversationBudgetKey(request: FastifyRequest): string {
  const id = (request.params as { id?: string }).id ?? "";
  return isUuid(id) ? `conversation:${id.toLowerCase()}` : "conversation:malformed";
}

type Check = ReturnType<FastifyInstance["createRateLimit"]>;
type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

async function enforce(
  check: Check,
  what: string,
  request: FastifyRequest,
  reply: FastifyReply,
  increment: boolean,
): Promise<void> {
  const result = await check(request, { increment });
  if (result.isAllowed) return;
  // Without counting, the request is refused when it would be the one over the limit.
  const over = increment ? result.isExceeded : result.remaining <= 0;
  if (!over) return;
  reply.header("retry-after", result.ttlInSeconds);
  throw rateLimited(result.max, what, result.ttlInSeconds);
}

export interface WebChatLimiters {
  /** Every route's per-IP budget, as route config for @fastify/rate-limit (one budget per route). */
  perIp: { max: number; timeWindow: number };
  /** onRequest hooks of sending: per IP, then per conversation. */
  sending: Hook[];
  /** onRequest hook of starting a conversation: counts the start. */
  starting: Hook;
  /**
   * A proactive check starts a conversation only when a rule matches: it is refused when the
   * budget is spent, and counted only when it started one (`countStart`).
   */
  mayStart: Hook;
  countStart: (request: FastifyRequest) => Promise<void>;
}

/** The limiters of the web chat routes; @fastify/rate-limit must be registered on `app`. */
export function createWebChatLimiters(app: FastifyInstance, limits: WebChatLimits): WebChatLimiters {
  const messagesFromIp = app.createRateLimit({ max: limits.messagesPerMinutePerIp, timeWindow: minute });
  const messagesIntoConversation = app.createRateLimit({
    max: limits.messagesPerMinutePerConversation,
    timeWindow: minute,
    keyGenerator: conversationBudgetKey,
  });
  const startsFromIp = app.createRateLimit({ max: limits.startsPerMinutePerIp, timeWindow: minute });
  return {
    perIp: { max: limits.requestsPerMinutePerIp, timeWindow: minute },
    sending: [
      (request, reply) => enforce(messagesFromIp, "messages from one address", request, reply, true),
      (request, reply) =>
        enforce(messagesIntoConversation, "messages into one conversation", request, reply, true),
    ],
    starting: (request, reply) =>
      enforce(startsFromIp, "conversation starts from one address", request, reply, true),
    mayStart: (request, reply) =>
      enforce(startsFromIp, "conversation starts from one address", request, reply, false),
    countStart: async (request) => {
      await startsFromIp(request);
    },
  };
}
