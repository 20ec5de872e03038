import rateLimit from "@fastify/rate-limit";
import type { ConversationEvent } from "@parley/engine";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { publishedDefinition } from "../../conversations/assistant-definitions.ts";
import type { ConversationFeed } from "../../conversations/conversation-feed.ts";
import { messagesAfter } from "../../conversations/conversation-store.ts";
import type { ConversationRunner } from "../../conversations/runner.ts";
import type { Database } from "../../database/connection.ts";
import { conversationRatings, conversations } from "../../database/schema/index.ts";
import { ApiError, ErrorBody } from "../../http/errors.ts";
import { findDefaultAssistant } from "../../rules/default-assistants.ts";
import { findAssistantForRules } from "../../rules/live-assistants.ts";
import { allowCrossOrigin } from "./cross-origin.ts";
import { customerOfToken, findBrand } from "./customer-tokens.ts";
import { webChatFileRoutes } from "./file-routes.ts";
import { defaultFileLimits, type FileLimits } from "./file-storage.ts";
import { withoutBidirectionalControls } from "./file-types.ts";
import { conversationForVisitor, publicConversation } from "./public-conversation.ts";
import {
  createWebChatLimiters,
  defaultWebChatLimits,
  rateLimited,
  type WebChatLimits,
} from "./rate-limits.ts";
import { registerWebChatSocket } from "./socket.ts";
import { newVisitorToken, visitorTokenMatches } from "./visitor-tokens.ts";
import {
  BrandParams,
  ConversationParams,
  IdentifyRequest,
  MessagesQuery,
  PublicConversation,
  RatingRequest,
  SendRequest,
  StartedResponse,
  StartRequest,
  TranscriptMessage,
  TypingRequest,
} from "./web-chat-schemas.ts";

export interface WebChatOptions {
  database: Database;
  runner: ConversationRunner;
  feed: ConversationFeed;
  limits?: WebChatLimits | undefined;
  /** Upload quotas and how long unattached files are kept. */
  fileLimits?: FileLimits | undefined;
}

const visitorHeader = "x-parley-visitor-token";
const tags = ["Web chat"];

function visitorToken(headers: Record<string, unknown>): string | undefined {
  const value = headers[visitorHeader];
  return typeof value === "string" ? value : undefined;
}

function eventOf(body: z.infer<typeof SendRequest>): ConversationEvent {
  if (body.text !== undefined) return { type: "customer.text", text: body.text };
  if (body.optionId !== undefined) return { type: "customer.choice", optionId: body.optionId };
  // A name is shown to agents as it is: it must not read as another name.
  const attachments = (body.attachments ?? []).map((attachment) =>
    attachment.name === undefined
      ? attachment
      : { ...attachment, name: withoutBidirectionalControls(attachment.name) },
  );
  return { type: "customer.attachment", attachments };
}

/**
 * The customer's side of web chat (docs/web-chat.md). No API key: a conversation is
 * reached with the visitor token it was started with.
 */
export const webChatRoutes: FastifyPluginAsyncZod<WebChatOptions> = async (app, options) => {
  const { database, runner, feed } = options;
  const limits = options.limits ?? defaultWebChatLimits;
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      rateLimited(context.max, "requests from one address to this route", Math.ceil(context.ttl / 1000)),
  });
  allowCrossOrigin(app, "/v1/web-chat/");
  const limiters = createWebChatLimiters(app, limits);
  const perIp = limiters.perIp;
  const common = { config: { scope: "public" as const, rateLimit: perIp }, schema: { tags } };

  /** The brand's conversation for this page and, with a token, this customer. */
  const startFor = async (body: z.infer<typeof StartRequest>, proactive: boolean) => {
    const brand = await findBrand(database, body.brandId);
    const customerId = body.customerToken ? await customerOfToken(database, brand, body.customerToken) : null;
    const visitor = newVisitorToken();
    const result = await runner.start({
      organizationId: brand.organizationId,
      brandId: brand.id,
      channel: "chat",
      session: body.session,
      customerId,
      proactive,
      visitorTokenHash: visitor.hash,
    });
    return result === null ? null : { ...result, visitorToken: visitor.token };
  };

  const started = async (result: NonNullable<Awaited<ReturnType<typeof startFor>>>) => ({
    conversation: await publicConversation(database, result.conversation),
    visitorToken: result.visitorToken,
    messages: await messagesAfter(database, result.conversation.id, 0),
  });

  app.get(
    "/v1/web-chat/brands/:brandId",
    {
      ...common,
      schema: {
        tags,
        summary: "What the widget shows for a brand before a conversation starts",
        params: BrandParams,
        response: {
          200: z.object({
            brand: z.object({ id: z.string(), name: z.string() }),
            settings: z.record(z.string(), z.unknown()),
            assistant: z.object({ publicName: z.string() }).nullable(),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const brand = await findBrand(database, request.params.brandId);
      const defaultId = await findDefaultAssistant(database, brand.organizationId, brand.id, "chat");
      const live = defaultId ? await findAssistantForRules(database, brand.organizationId, defaultId) : null;
      const definition =
        live && live.liveVersion !== null
          ? await publishedDefinition(database, live.id, live.liveVersion)
          : null;
      return {
        brand: { id: brand.id, name: brand.name },
        settings: { ...brand.chatSettings },
        assistant: definition ? { publicName: definition.publicName } : null,
      };
    },
  );

  app.post(
    "/v1/web-chat/conversations",
    {
      ...common,
      onRequest: limiters.starting,
      schema: {
        tags,
        summary: "Start a web chat conversation",
        body: StartRequest,
        response: { 201: StartedResponse, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const result = await startFor(request.body, false);
      if (!result) throw new Error("a conversation that is not proactive always starts");
      return reply.status(201).send(await started(result));
    },
  );

  app.post(
    "/v1/web-chat/proactive",
    {
      ...common,
      onRequest: limiters.mayStart,
      schema: {
        tags,
        summary: "Ask whether a proactive rule opens a chat on this page now",
        body: StartRequest,
        response: {
          200: z.object({ match: z.literal(false) }),
          201: StartedResponse.extend({ match: z.literal(true) }),
          400: ErrorBody,
          401: ErrorBody,
          404: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const result = await startFor(request.body, true);
      if (!result) return reply.status(200).send({ match: false as const });
      await limiters.countStart(request);
      return reply.status(201).send({ match: true as const, ...(await started(result)) });
    },
  );

  app.get(
    "/v1/web-chat/conversations/:id",
    {
      ...common,
      schema: {
        tags,
        summary: "A conversation, for the visitor who started it",
        params: ConversationParams,
        response: { 200: z.object({ conversation: PublicConversation }), 404: ErrorBody },
      },
    },
    async (request) => {
      const row = await conversationForVisitor(database, request.params.id, visitorToken(request.headers));
      return { conversation: await publicConversation(database, row) };
    },
  );

  app.get(
    "/v1/web-chat/conversations/:id/messages",
    {
      ...common,
      schema: {
        tags,
        summary: "Transcript messages after a sequence number",
        params: ConversationParams,
        querystring: MessagesQuery,
        response: {
          200: z.object({ messages: z.array(TranscriptMessage), lastSequence: z.number().int() }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const row = await conversationForVisitor(database, request.params.id, visitorToken(request.headers));
      const messages = await messagesAfter(database, row.id, request.query.after, request.query.limit);
      return { messages, lastSequence: row.lastSequence };
    },
  );

  app.post(
    "/v1/web-chat/conversations/:id/messages",
    {
      config: { scope: "public", rateLimit: perIp },
      // Per address, so one client cannot flood through many conversations, and per conversation,
      // so one noisy conversation cannot slow the others on the same network.
      onRequest: limiters.sending,
      schema: {
        tags,
        summary: "Send a message, choice or attachment",
        params: ConversationParams,
        body: SendRequest,
        response: {
          202: z.object({ sequence: z.number().int().nullable(), duplicate: z.boolean() }),
          400: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      // No token means no conversation: the same 404 as a wrong one.
      const outcome = await runner.handle(
        request.params.id,
        { key: `client:${request.body.clientMessageId}`, event: eventOf(request.body) },
        undefined,
        (row) => visitorTokenMatches(row, visitorToken(request.headers) ?? ""),
      );
      return reply.status(202).send({ sequence: outcome.sequence, duplicate: outcome.duplicate });
    },
  );

  app.post(
    "/v1/web-chat/conversations/:id/typing",
    {
      ...common,
      schema: { tags, summary: "The customer is typing", params: ConversationParams, body: TypingRequest },
    },
    async (request, reply) => {
      const row = await conversationForVisitor(database, request.params.id, visitorToken(request.headers));
      feed.publishTyping(row.id, "customer", request.body.active);
      return reply.status(204).send();
    },
  );

  app.post(
    "/v1/web-chat/conversations/:id/close",
    {
      ...common,
      schema: {
        tags,
        summary: "The customer closes the conversation",
        params: ConversationParams,
        response: { 200: z.object({ conversation: PublicConversation }), 404: ErrorBody },
      },
    },
    async (request) => {
      const row = await conversationForVisitor(database, request.params.id, visitorToken(request.headers));
      const outcome = await runner.handle(row.id, {
        key: "customer:closed",
        event: { type: "customer.closed" },
      });
      return { conversation: await publicConversation(database, outcome.conversation) };
    },
  );

  app.post(
    "/v1/web-chat/conversations/:id/rating",
    {
      ...common,
      schema: {
        tags,
        summary: "Rate the conversation (2-, 3- or 5-point scale)",
        params: ConversationParams,
        body: RatingRequest,
        response: { 201: z.object({ scale: z.number(), value: z.number() }), 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const row = await conversationForVisitor(database, request.params.id, visitorToken(request.headers));
      const { scale, value, comment } = request.body;
      // A customer may change their mind; the last rating counts.
      await database
        .insert(conversationRatings)
        .values({ conversationId: row.id, scale, value, comment: comment ?? null })
        .onConflictDoUpdate({
          target: conversationRatings.conversationId,
          set: { scale, value, comment: comment ?? null, createdAt: new Date(runner.now()) },
        });
      return reply.status(201).send({ scale, value });
    },
  );

  app.post(
    "/v1/web-chat/conversations/:id/identify",
    {
      ...common,
      schema: {
        tags,
        summary: "Link the conversation to the customer a JWT names",
        params: ConversationParams,
        body: IdentifyRequest,
        response: { 200: z.object({ conversation: PublicConversation }), 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const row = await conversationForVisitor(database, request.params.id, visitorToken(request.headers));
      if (row.brandId === null)
        throw new ApiError(409, "no_brand", "The conversation has no brand to verify the token.");
      const brand = await findBrand(database, row.brandId);
      const customerId = await customerOfToken(database, brand, request.body.customerToken);
      await database
        .update(conversations)
        .set({ customerId })
        .where(and(eq(conversations.id, row.id), eq(conversations.organizationId, brand.organizationId)));
      return { conversation: await publicConversation(database, { ...row, customerId }) };
    },
  );

  registerWebChatSocket(app, { database, feed, requestsPerMinutePerIp: limits.requestsPerMinutePerIp });
  await app.register(webChatFileRoutes, {
    database,
    requestsPerMinutePerIp: limits.requestsPerMinutePerIp,
    limits: options.fileLimits ?? defaultFileLimits,
    now: () => runner.now(),
  });
};
