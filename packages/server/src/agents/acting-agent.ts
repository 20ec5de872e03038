import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type ConversationRow, findConversation } from "../conversations/conversation-store.ts";
import type { Executor } from "../database/connection.ts";
import { conversationInbound, users } from "../database/schema/index.ts";
import type { Caller } from "../http/authentication.ts";
import { ApiError, notFound } from "../http/errors.ts";

export type AgentAction = "assign" | "reply" | "done";

function agentProblem(code: string, message: string, summary: string): ApiError {
  return new ApiError(422, "invalid_agent", summary, {
    problems: [{ in: "body", path: "/agentId", code, message }],
  });
}

/**
 * Who acts. A signed-in person acts as themselves; an API key (a help desk
 * integration) names the agent. Assigning may name someone else (a manager
 * handing out work), but a person replies only in their own name, because the
 * customer sees the reply as theirs.
 */
export async function actingAgent(
  executor: Executor,
  caller: Caller,
  given: string | undefined,
  action: "assign" | "reply",
): Promise<string> {
  if (given === undefined) {
    if (caller.userId !== undefined) return caller.userId;
    throw agentProblem(
      "required",
      "is required with an API key",
      `An API key must say which agent ${action === "assign" ? "takes the conversation" : "replies"} (agentId).`,
    );
  }
  if (action === "reply" && caller.userId !== undefined && given !== caller.userId) {
    throw agentProblem(
      "not_yourself",
      "must be your own user id, or left out",
      "A signed-in user replies in their own name.",
    );
  }
  return knownAgent(executor, caller.organizationId, given);
}

/** Who marked the conversation done, when known: an API key may leave it out. */
export async function finishingAgent(
  executor: Executor,
  caller: Caller,
  given: string | undefined,
): Promise<string | undefined> {
  if (given === undefined) return caller.userId;
  return knownAgent(executor, caller.organizationId, given);
}

async function knownAgent(executor: Executor, organizationId: string, userId: string): Promise<string> {
  const [row] = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  if (row === undefined) {
    throw agentProblem(
      "unknown_agent",
      "is not a user of this organization",
      `User ${userId} is not a user of this organization.`,
    );
  }
  return userId;
}

/** The conversation of the caller's organization; 404 for an unknown id, a malformed one, or another's. */
export async function callerConversation(
  executor: Executor,
  conversationId: string,
  organizationId: string,
): Promise<ConversationRow> {
  const row = await findConversation(executor, conversationId, organizationId);
  if (!row) throw notFound("Conversation", conversationId);
  return row;
}

export function conversationEnded(conversationId: string): ApiError {
  return new ApiError(409, "conversation_ended", `Conversation ${conversationId} has ended.`);
}

/**
 * The runner's idempotency key for an agent action. With an Idempotency-Key header a
 * retry is recognised and stored once; without one every request is a new action.
 * The action is part of the key, so the same header on a reply and a done are two things.
 */
export function actionKey(action: AgentAction, idempotencyKey: string | undefined): string {
  return `agent:${action}:${idempotencyKey ?? randomUUID()}`;
}

/** Whether the runner has processed this key for the conversation already. */
export async function alreadyProcessed(
  executor: Executor,
  conversationId: string,
  key: string,
): Promise<boolean> {
  const [row] = await executor
    .select({ key: conversationInbound.key })
    .from(conversationInbound)
    .where(and(eq(conversationInbound.conversationId, conversationId), eq(conversationInbound.key, key)));
  return row !== undefined;
}
