import { and, asc, eq, gt, sql } from "drizzle-orm";
import { isUuid } from "../data/identifiers.ts";
import type { Executor } from "../database/connection.ts";
import { conversationMessages, conversations } from "../database/schema/index.ts";
import type { TranscriptMessage } from "./domain-events.ts";

export type ConversationRow = typeof conversations.$inferSelect;
type MessageRow = typeof conversationMessages.$inferSelect;

/** A conversation by id, of one organization when given; null for anything that is not one. */
export async function findConversation(
  executor: Executor,
  conversationId: string,
  organizationId?: string,
  options: { lock?: boolean } = {},
): Promise<ConversationRow | undefined> {
  if (!isUuid(conversationId)) return undefined;
  const query = executor
    .select()
    .from(conversations)
    .where(
      organizationId === undefined
        ? eq(conversations.id, conversationId)
        : and(eq(conversations.id, conversationId), eq(conversations.organizationId, organizationId)),
    );
  const [row] = options.lock ? await query.for("update") : await query;
  return row;
}

/** Locks the conversation row until the transaction ends: one turn at a time per conversation. */
export function lockConversation(
  executor: Executor,
  conversationId: string,
  organizationId?: string,
): Promise<ConversationRow | undefined> {
  return findConversation(executor, conversationId, organizationId, { lock: true });
}

export function transcriptMessage(row: MessageRow): TranscriptMessage {
  return {
    sequence: row.sequence,
    author: row.author,
    authorId: row.authorId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Messages after a sequence number, in order: what a reconnecting socket missed. */
export async function messagesAfter(
  executor: Executor,
  conversationId: string,
  after: number,
  limit = 500,
): Promise<TranscriptMessage[]> {
  const rows = await executor
    .select()
    .from(conversationMessages)
    .where(
      and(eq(conversationMessages.conversationId, conversationId), gt(conversationMessages.sequence, after)),
    )
    .orderBy(asc(conversationMessages.sequence))
    .limit(limit);
  return rows.map(transcriptMessage);
}

/** The label of an option the assistant offered, for a readable transcript; null when none matches. */
export async function offeredOptionLabel(
  executor: Executor,
  conversationId: string,
  optionId: string,
): Promise<string | null> {
  const result = await executor.execute(sql`
    SELECT option ->> 'label' AS label
    FROM (
      SELECT body FROM ${conversationMessages}
      WHERE ${conversationMessages.conversationId} = ${conversationId} AND ${conversationMessages.author} = 'assistant'
      ORDER BY ${conversationMessages.sequence} DESC LIMIT 5
    ) recent,
    LATERAL jsonb_array_elements(coalesce(recent.body -> 'options', recent.body -> 'cards', '[]'::jsonb)) option
    WHERE option ->> 'id' = ${optionId}
    LIMIT 1`);
  const [row] = (result as unknown as { rows: Array<{ label: string | null }> }).rows;
  return row?.label ?? null;
}
