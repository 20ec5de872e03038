import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { type ConversationRow, messagesAfter } from "../conversations/conversation-store.ts";
import { findCustomer } from "../data/customers.ts";
import type { Executor } from "../database/connection.ts";
import { conversationActivity, conversationRatings } from "../database/schema/index.ts";
import type { Timeline } from "./agent-schemas.ts";
import { withAttachmentLinks } from "./attachment-links.ts";
import { conversationItem } from "./conversation-view.ts";

/** More than any real chat holds; a timeline is one read, not a paged list. */
const transcriptLimit = 10_000;

/**
 * Everything an agent needs to pick a conversation up: its fields, what the assistant
 * collected, the linked customer, the whole transcript, what happened besides messages
 * (transfers with their collected data, status changes, intents, feedback, follow-up
 * choices, assignments, timers) and the customer's rating. Attachments say where their links
 * lead (`ownOrigins`: the origins this server is reached at).
 */
export async function readTimeline(
  executor: Executor,
  row: ConversationRow,
  now: number,
  ownOrigins: readonly string[],
): Promise<z.infer<typeof Timeline>> {
  const messages = await messagesAfter(executor, row.id, 0, transcriptLimit);
  const activity = await executor
    .select()
    .from(conversationActivity)
    .where(eq(conversationActivity.conversationId, row.id))
    .orderBy(asc(conversationActivity.id));
  const [rating] = await executor
    .select()
    .from(conversationRatings)
    .where(eq(conversationRatings.conversationId, row.id));
  const customer = row.customerId ? await findCustomer(executor, row.organizationId, row.customerId) : null;
  const transferredAt = row.transferredAt?.toISOString() ?? null;
  const firstAgentReply =
    transferredAt === null
      ? undefined
      : messages.find((message) => message.author === "agent" && message.createdAt >= transferredAt);
  const last = messages.at(-1);
  return {
    conversation: {
      ...conversationItem(row, last ?? null, firstAgentReply?.createdAt ?? null, now),
      assistantId: row.assistantId,
      assistantVersion: row.assistantVersion,
      ruleId: row.ruleId,
      session: row.session,
      routing: row.routing,
      lastSequence: row.lastSequence,
      updatedAt: row.updatedAt.toISOString(),
    },
    attributes: { conversation: row.attributes, customer: row.customerAttributes },
    customer: customer
      ? {
          id: customer.id,
          externalId: customer.externalId,
          name: customer.name,
          email: customer.email,
          phone: customer.phone,
          defaultLanguage: customer.defaultLanguage,
          companyId: customer.companyId,
          attributes: customer.attributes,
        }
      : null,
    messages: messages.map((message) => withAttachmentLinks(message, ownOrigins)),
    activity: activity.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      data: entry.data,
      createdAt: entry.createdAt.toISOString(),
    })),
    rating: rating
      ? {
          scale: rating.scale,
          value: rating.value,
          comment: rating.comment,
          createdAt: rating.createdAt.toISOString(),
        }
      : null,
  };
}
