import { eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { queueChannelDeliveries } from "../channels/messaging/delivery-queue.ts";
import type { Executor } from "../database/connection.ts";
import {
  conversationActivity,
  conversationMessages,
  conversations,
  type MessageAuthor,
} from "../database/schema/index.ts";
import { type ConversationRow, messagesAfter } from "./conversation-store.ts";
import type { ConversationDomainEvent, ConversationSummary, TranscriptMessage } from "./domain-events.ts";
import type { FeedNotice } from "./feed-notice.ts";
import { storableJson } from "./storable-json.ts";

/** Hands the turn's domain events to outbound webhooks, inside the turn's transaction. */
export type DomainEventSink = (
  executor: Executor,
  jobs: PgBoss,
  organizationId: string,
  events: ConversationDomainEvent[],
  occurredAt: Date,
) => Promise<void>;

export function summaryOf(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    brandId: row.brandId,
    channel: row.channel,
    assistantId: row.assistantId,
    assistantVersion: row.assistantVersion,
    preview: row.preview,
    customerId: row.customerId,
    language: row.language,
    status: row.status,
    assistantStatus: row.assistantStatus,
    teamId: row.teamId,
    assignedAgentId: row.assignedAgentId,
    attributes: row.attributes,
    startedAt: row.startedAt.toISOString(),
  };
}

/**
 * Everything one turn changes, gathered while the effects are applied and written
 * in one go at the end, inside the turn's transaction: the row, the transcript,
 * the activity, the webhook events and the notice that wakes the sockets.
 */
export class TurnWriter {
  readonly row: ConversationRow;
  readonly now: Date;
  private readonly messages: TranscriptMessage[] = [];
  private readonly activity: Array<{ kind: string; data: Record<string, unknown> }> = [];
  private readonly events: ConversationDomainEvent[] = [];
  private transfer: { reason: string; collected: Record<string, unknown> } | null = null;
  private conversationChanged = false;
  /** The assistant is waiting for work done elsewhere (a search, an AI answer): the widget shows it typing. */
  assistantWorking = false;

  constructor(row: ConversationRow, now: Date) {
    this.row = { ...row, attributes: { ...row.attributes }, timerJobs: { ...row.timerJobs } };
    this.now = now;
  }

  addMessage(author: MessageAuthor, body: TranscriptMessage["body"], authorId: string | null = null): number {
    this.row.lastSequence += 1;
    const message: TranscriptMessage = {
      sequence: this.row.lastSequence,
      author,
      authorId,
      body,
      createdAt: this.now.toISOString(),
    };
    this.messages.push(message);
    this.emit({ type: "message.created", conversationId: this.row.id, data: { message } });
    return message.sequence;
  }

  addActivity(kind: string, data: Record<string, unknown> = {}): void {
    this.activity.push({ kind, data });
  }

  emit(event: ConversationDomainEvent): void {
    this.events.push(event);
  }

  /** A change the widget shows (status, assignment): sockets are told after commit. */
  markConversationChanged(): void {
    this.conversationChanged = true;
  }

  /** The transfer event carries the transcript, which is only complete once this turn's messages are in. */
  transferred(reason: string, collected: Record<string, unknown>): void {
    this.transfer = { reason, collected };
    this.markConversationChanged();
  }

  /** Writes the turn; returns the notice for the sockets, to send once the transaction has committed. */
  async flush(executor: Executor, jobs: PgBoss, sink: DomainEventSink): Promise<FeedNotice | null> {
    const { row } = this;
    // Customers can send text jsonb refuses: what is stored is what sockets are sent.
    const messages = this.messages.map((message) => ({ ...message, body: storableJson(message.body) }));
    if (messages.length > 0) {
      await executor.insert(conversationMessages).values(
        messages.map((message) => ({
          conversationId: row.id,
          sequence: message.sequence,
          author: message.author,
          authorId: message.authorId,
          body: message.body,
          createdAt: this.now,
        })),
      );
    }
    if (this.activity.length > 0) {
      await executor.insert(conversationActivity).values(
        this.activity.map((entry) => ({
          conversationId: row.id,
          kind: entry.kind,
          data: storableJson(entry.data),
          createdAt: this.now,
        })),
      );
    }
    await executor
      .update(conversations)
      .set({
        state: storableJson(row.state),
        assistantStatus: row.assistantStatus,
        status: row.status,
        teamId: row.teamId,
        routing: row.routing,
        assignedAgentId: row.assignedAgentId,
        customerId: row.customerId,
        language: row.language,
        attributes: storableJson(row.attributes),
        customerAttributes: storableJson(row.customerAttributes),
        lastSequence: row.lastSequence,
        lastCustomerMessageAt: row.lastCustomerMessageAt,
        timerJobs: row.timerJobs,
        updatedAt: this.now,
        transferredAt: row.transferredAt,
        endedAt: row.endedAt,
      })
      .where(eq(conversations.id, row.id));
    if (this.transfer) {
      this.emit({
        type: "conversation.transferred",
        conversationId: row.id,
        data: {
          ...summaryOf(row),
          ...this.transfer,
          transcript: await messagesAfter(executor, row.id, 0, 10_000),
        },
      });
    }
    // On a messaging channel what the assistant and agents write goes out through the provider.
    if (row.channelConnectionId !== null && !row.preview) {
      await queueChannelDeliveries(executor, jobs, row, messages);
    }
    // Previews are an admin trying a draft: no help desk should hear of them.
    if (this.events.length > 0 && !row.preview)
      await sink(executor, jobs, row.organizationId, this.events, this.now);
    if (messages.length === 0 && !this.conversationChanged && !this.assistantWorking) return null;
    return {
      conversationId: row.id,
      lastSequence: row.lastSequence,
      ...(messages.length > 0 ? { messages } : {}),
      ...(this.conversationChanged ? { conversationChanged: true } : {}),
      ...(this.assistantWorking ? { typing: { author: "assistant", active: true } } : {}),
    };
  }
}
