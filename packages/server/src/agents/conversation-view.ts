import type { ConversationRow } from "../conversations/conversation-store.ts";
import type { MessageAuthor } from "../database/schema/index.ts";
import type { ConversationItem } from "./agent-schemas.ts";

/** The last message as stored, before it becomes a preview. */
export interface StoredLastMessage {
  sequence: number;
  author: MessageAuthor;
  body: Record<string, unknown>;
  createdAt: string;
}

const previewLength = 200;

function nonEmptyText(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function attachmentNames(body: Record<string, unknown>): string | null {
  const attachments = Array.isArray(body.attachments) ? body.attachments : [body.attachment];
  const names = attachments
    .map((attachment) => nonEmptyText((attachment as { name?: unknown } | undefined)?.name))
    .filter((name) => name !== null);
  return names.length > 0 ? names.join(", ") : null;
}

/**
 * One line for a queue row: what the message says whatever its kind, so the list
 * never has to ship whole bodies (cards, articles) to show a line of each.
 */
export function previewText(body: Record<string, unknown>): string {
  const answer = body.answer as { text?: unknown } | undefined;
  const text =
    nonEmptyText(body.text) ??
    nonEmptyText(body.label) ??
    nonEmptyText(answer?.text) ??
    nonEmptyText(body.caption) ??
    (body.kind === "attachment" ? (attachmentNames(body) ?? "Attachment") : null) ??
    String(body.kind ?? "message");
  return text.length > previewLength ? `${text.slice(0, previewLength - 1)}…` : text;
}

/**
 * How long the customer has waited for a person: from the transfer to the first
 * agent reply after it, or up to now (or the end) while nobody has answered.
 */
function waitingSeconds(row: ConversationRow, firstAgentReplyAt: string | null, now: number): number | null {
  if (row.transferredAt === null) return null;
  const until = firstAgentReplyAt !== null ? Date.parse(firstAgentReplyAt) : (row.endedAt?.getTime() ?? now);
  return Math.max(0, Math.floor((until - row.transferredAt.getTime()) / 1000));
}

export function conversationItem(
  row: ConversationRow,
  lastMessage: StoredLastMessage | null,
  firstAgentReplyAt: string | null,
  now: number,
): ConversationItem {
  return {
    id: row.id,
    brandId: row.brandId,
    channel: row.channel,
    status: row.status,
    assistantStatus: row.assistantStatus,
    teamId: row.teamId,
    assignedAgentId: row.assignedAgentId,
    customerId: row.customerId,
    language: row.language,
    preview: row.preview,
    startedAt: row.startedAt.toISOString(),
    transferredAt: row.transferredAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    lastMessage: lastMessage
      ? {
          sequence: lastMessage.sequence,
          author: lastMessage.author,
          text: previewText(lastMessage.body),
          createdAt: lastMessage.createdAt,
        }
      : null,
    firstAgentReplyAt,
    waitingSeconds: waitingSeconds(row, firstAgentReplyAt, now),
  };
}
