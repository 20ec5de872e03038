import { definitionOf } from "../../conversations/assistant-definitions.ts";
import { type ConversationRow, findConversation } from "../../conversations/conversation-store.ts";
import type { Database, Executor } from "../../database/connection.ts";
import { notFound } from "../../http/errors.ts";
import { visitorTokenMatches } from "./visitor-tokens.ts";

/** What the customer's side may see of a conversation. */
export async function publicConversation(executor: Executor, row: ConversationRow) {
  const definition = await definitionOf(executor, row);
  return {
    id: row.id,
    status: row.status,
    assistantStatus: row.assistantStatus,
    language: row.language,
    assistant: definition ? { publicName: definition.publicName } : null,
    lastSequence: row.lastSequence,
  };
}

/**
 * The conversation a visitor token opens. A wrong token and an unknown id get the
 * same 404, so ids reveal nothing.
 */
export async function conversationForVisitor(
  database: Database,
  conversationId: string,
  token: string | undefined,
): Promise<ConversationRow> {
  const row = await findConversation(database, conversationId);
  if (!row || !token || !visitorTokenMatches(row, token)) {
    throw notFound("Conversation", conversationId);
  }
  return row;
}
