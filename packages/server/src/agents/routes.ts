import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ConversationFeed } from "../conversations/conversation-feed.ts";
import type { ConversationRunner } from "../conversations/runner.ts";
import { pageSchema } from "../data/pagination.ts";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { ErrorBody, notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import {
  actingAgent,
  actionKey,
  alreadyProcessed,
  callerConversation,
  conversationEnded,
  finishingAgent,
} from "./acting-agent.ts";
import {
  AssignRequest,
  ConversationItem,
  ConversationListQuery,
  ConversationParams,
  ConversationResponse,
  DoneRequest,
  IdempotencyHeaders,
  ReplyRequest,
  ReplyResponse,
  Timeline,
  TypingRequest,
} from "./agent-schemas.ts";
import { originsOf } from "./attachment-links.ts";
import { findConversationItem, listConversations } from "./conversation-list.ts";
import { readTimeline } from "./conversation-timeline.ts";

export interface AgentRouteOptions {
  database: Database;
  runner: ConversationRunner;
  feed: ConversationFeed;
  /** The address customers reach this server at (config.ts), when set. */
  publicUrl?: string | undefined;
}

const tags = ["Agents"];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * The agents' side of conversations (docs/agents.md): the queue, a conversation's
 * timeline, and assign, reply, done and typing. Every action goes through the
 * runner, so it is one idempotent turn like any customer message or timer.
 */
export const agentRoutes: FastifyPluginAsyncZod<AgentRouteOptions> = async (app, options) => {
  const { database, runner, feed } = options;
  const config = { scope: scopes.agent };

  const currentItem = async (organizationId: string, conversationId: string): Promise<ConversationItem> => {
    const item = await findConversationItem(database, organizationId, conversationId, runner.now());
    if (!item) throw notFound("Conversation", conversationId);
    return item;
  };

  app.get(
    "/v1/conversations",
    {
      config,
      schema: {
        tags,
        summary: "List conversations; queue=true is the handoff queue, oldest transfer first",
        querystring: ConversationListQuery,
        response: { 200: pageSchema(ConversationItem), ...errors },
      },
    },
    async (request) =>
      listConversations(database, callerOf(request).organizationId, request.query, runner.now()),
  );

  app.get(
    "/v1/conversations/:id",
    {
      config,
      schema: {
        tags,
        summary: "A conversation's timeline: transcript, collected attributes, activity and rating",
        params: ConversationParams,
        response: { 200: Timeline, ...errors },
      },
    },
    async (request) => {
      const row = await callerConversation(database, request.params.id, callerOf(request).organizationId);
      // The agent's own request says where this server is; a customer's request could claim any host.
      const ownOrigins = originsOf([`${request.protocol}://${request.host}`, options.publicUrl]);
      return readTimeline(database, row, runner.now(), ownOrigins);
    },
  );

  app.post(
    "/v1/conversations/:id/assign",
    {
      config,
      schema: {
        tags,
        summary: "Assign the conversation to an agent (yourself when agentId is left out)",
        params: ConversationParams,
        headers: IdempotencyHeaders,
        body: AssignRequest,
        response: { 200: ConversationResponse, 409: ErrorBody, 422: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const row = await callerConversation(database, request.params.id, caller.organizationId);
      if (row.status === "ended") throw conversationEnded(row.id);
      const agentId = await actingAgent(database, caller, request.body?.agentId, "assign");
      // Assigning the agent who already has it changes nothing, so it writes nothing either.
      if (row.assignedAgentId !== agentId) {
        await runner.handle(
          row.id,
          {
            key: actionKey("assign", request.headers["idempotency-key"]),
            event: { type: "agent.assigned", agentId },
          },
          caller.organizationId,
        );
      }
      return { conversation: await currentItem(caller.organizationId, row.id) };
    },
  );

  app.post(
    "/v1/conversations/:id/replies",
    {
      config,
      schema: {
        tags,
        summary: "Reply to the customer; an unassigned conversation is assigned to the agent who replies",
        params: ConversationParams,
        headers: IdempotencyHeaders,
        body: ReplyRequest,
        response: { 202: ReplyResponse, 409: ErrorBody, 422: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const row = await callerConversation(database, request.params.id, caller.organizationId);
      const key = actionKey("reply", request.headers["idempotency-key"]);
      // A retry of a reply stored before the end is still answered as the duplicate it is.
      const retry = await alreadyProcessed(database, row.id, key);
      if (row.status === "ended" && !retry) throw conversationEnded(row.id);
      const agentId = await actingAgent(database, caller, request.body.agentId, "reply");
      if (row.assignedAgentId === null && !retry) {
        // Whoever answers an unassigned conversation is handling it: it leaves the
        // unassigned queue, and a reply while the assistant runs lands in the queue at all.
        await runner.handle(
          row.id,
          { key: `${key}:assign`, event: { type: "agent.assigned", agentId } },
          caller.organizationId,
        );
      }
      const outcome = await runner.handle(
        row.id,
        { key, event: { type: "agent.replied", agentId, text: request.body.text } },
        caller.organizationId,
      );
      return reply.status(202).send({
        sequence: outcome.sequence,
        duplicate: outcome.duplicate,
        conversation: await currentItem(caller.organizationId, row.id),
      });
    },
  );

  app.post(
    "/v1/conversations/:id/done",
    {
      config,
      schema: {
        tags,
        summary: "Mark the conversation done: it ends",
        params: ConversationParams,
        headers: IdempotencyHeaders,
        body: DoneRequest,
        response: { 200: ConversationResponse, 422: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const row = await callerConversation(database, request.params.id, caller.organizationId);
      // Done twice is still done: the second call has nothing left to end.
      if (row.status !== "ended") {
        const agentId = await finishingAgent(database, caller, request.body?.agentId);
        await runner.handle(
          row.id,
          {
            key: actionKey("done", request.headers["idempotency-key"]),
            event: { type: "agent.done", ...(agentId !== undefined ? { agentId } : {}) },
          },
          caller.organizationId,
        );
      }
      return { conversation: await currentItem(caller.organizationId, row.id) };
    },
  );

  app.post(
    "/v1/conversations/:id/typing",
    {
      config,
      schema: {
        tags,
        summary: "Show the customer that an agent is typing (nothing is stored)",
        params: ConversationParams,
        body: TypingRequest,
      },
    },
    async (request, reply) => {
      const row = await callerConversation(database, request.params.id, callerOf(request).organizationId);
      if (row.status === "ended") throw conversationEnded(row.id);
      feed.publishTyping(row.id, "agent", request.body.active);
      return reply.status(204).send();
    },
  );
};
