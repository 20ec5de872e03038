import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { ConversationRow } from "../conversations/conversation-store.ts";
import { isUuid } from "../data/identifiers.ts";
import { type Page, preciseTimestamp } from "../data/pagination.ts";
import type { Executor } from "../database/connection.ts";
import { conversationMessages, conversations } from "../database/schema/index.ts";
import type { ConversationItem, ConversationListQuery } from "./agent-schemas.ts";
import {
  type ConversationOrder,
  decodeConversationCursor,
  encodeConversationCursor,
} from "./conversation-cursor.ts";
import { conversationItem, type StoredLastMessage } from "./conversation-view.ts";

const isoMilliseconds = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The last message by the conversation's own last sequence number: a primary key
 * lookup per row, so previews stay cheap on long transcripts.
 */
const lastMessage = sql<StoredLastMessage | null>`(
  SELECT jsonb_build_object(
    'sequence', message.sequence, 'author', message.author, 'body', message.body,
    'createdAt', to_char(message.created_at AT TIME ZONE 'UTC', ${sql.raw(isoMilliseconds)}))
  FROM ${conversationMessages} message
  WHERE message.conversation_id = ${conversations.id} AND message.sequence = ${conversations.lastSequence})`;

/** The first agent message since the latest transfer: when the customer's wait ended. */
const firstAgentReplyAt = sql<string | null>`(
  SELECT to_char(min(message.created_at) AT TIME ZONE 'UTC', ${sql.raw(isoMilliseconds)})
  FROM ${conversationMessages} message
  WHERE message.conversation_id = ${conversations.id} AND message.author = 'agent'
    AND message.created_at >= ${conversations.transferredAt})`;

function selection(order: ConversationOrder) {
  return {
    row: conversations,
    sortKey: preciseTimestamp(order === "queue" ? conversations.transferredAt : conversations.startedAt),
    lastMessage,
    firstAgentReplyAt,
  };
}

function filters(query: ConversationListQuery): Array<SQL | undefined> {
  const queue = query.queue === "true";
  return [
    query.includePreview === "true" ? undefined : eq(conversations.preview, false),
    queue ? eq(conversations.status, "transferred") : undefined,
    query.status ? eq(conversations.status, query.status) : undefined,
    query.teamId ? eq(conversations.teamId, query.teamId) : undefined,
    query.assignedAgentId ? eq(conversations.assignedAgentId, query.assignedAgentId) : undefined,
    query.unassigned === "true" ? isNull(conversations.assignedAgentId) : undefined,
    query.unassigned === "false" ? isNotNull(conversations.assignedAgentId) : undefined,
    query.brandId ? eq(conversations.brandId, query.brandId) : undefined,
    query.customerId ? eq(conversations.customerId, query.customerId) : undefined,
  ];
}

function afterCursor(order: ConversationOrder, text: string | undefined): SQL | undefined {
  if (text === undefined) return undefined;
  const cursor = decodeConversationCursor(text, order);
  return order === "queue"
    ? sql`(${conversations.transferredAt}, ${conversations.id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
    : sql`(${conversations.startedAt}, ${conversations.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}

/**
 * Conversations for agents and managers. `queue=true` is the handoff queue: transferred
 * conversations, first come first served; otherwise the newest start first.
 */
export async function listConversations(
  executor: Executor,
  organizationId: string,
  query: ConversationListQuery,
  now: number,
): Promise<Page<ConversationItem>> {
  const order: ConversationOrder = query.queue === "true" ? "queue" : "recent";
  const rows = await executor
    .select(selection(order))
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, organizationId),
        ...filters(query),
        afterCursor(order, query.cursor),
      ),
    )
    .orderBy(
      ...(order === "queue"
        ? [asc(conversations.transferredAt), asc(conversations.id)]
        : [desc(conversations.startedAt), desc(conversations.id)]),
    )
    .limit(query.limit + 1);
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((entry) =>
      conversationItem(entry.row as ConversationRow, entry.lastMessage, entry.firstAgentReplyAt, now),
    ),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodeConversationCursor({ order, at: last.sortKey, id: last.row.id })
        : null,
  };
}

/** One conversation as the list shows it; undefined for an unknown id or another organization's. */
export async function findConversationItem(
  executor: Executor,
  organizationId: string,
  conversationId: string,
  now: number,
): Promise<ConversationItem | undefined> {
  if (!isUuid(conversationId)) return undefined;
  const [entry] = await executor
    .select(selection("recent"))
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.organizationId, organizationId)));
  return (
    entry && conversationItem(entry.row as ConversationRow, entry.lastMessage, entry.firstAgentReplyAt, now)
  );
}
