import type { TranscriptMessageBody } from "@parley/engine";
import type { ConversationStatus, MessageAuthor } from "../database/schema/index.ts";

/** A message as the transcript, the socket and webhooks show it. */
export interface TranscriptMessage {
  sequence: number;
  author: MessageAuthor;
  /** The agent's user id for agent messages. */
  authorId: string | null;
  /** The customer's or an agent's words, an assistant message, or a system event: the engine's contract. */
  body: TranscriptMessageBody;
  createdAt: string;
}

/**
 * What other systems hear about a conversation (outbound webhooks). Written in the
 * same transaction as the turn that caused it, so none is lost and none is invented.
 */
export type ConversationDomainEvent =
  | { type: "conversation.started"; conversationId: string; data: ConversationSummary }
  | { type: "message.created"; conversationId: string; data: { message: TranscriptMessage } }
  | {
      type: "conversation.transferred";
      conversationId: string;
      data: ConversationSummary & {
        reason: string;
        collected: Record<string, unknown>;
        transcript: TranscriptMessage[];
      };
    }
  | {
      type: "conversation.status_changed";
      conversationId: string;
      data: { assistantStatus: string; previousAssistantStatus: string | null; reason: string };
    }
  | { type: "conversation.ended"; conversationId: string; data: ConversationSummary & { reason: string } };

export type ConversationDomainEventType = ConversationDomainEvent["type"];

export const conversationDomainEventTypes = [
  "conversation.started",
  "message.created",
  "conversation.transferred",
  "conversation.status_changed",
  "conversation.ended",
] as const satisfies readonly ConversationDomainEventType[];

export interface ConversationSummary {
  id: string;
  brandId: string | null;
  channel: string;
  assistantId: string | null;
  assistantVersion: number | null;
  preview: boolean;
  customerId: string | null;
  language: string;
  status: ConversationStatus;
  assistantStatus: string | null;
  teamId: string | null;
  assignedAgentId: string | null;
  attributes: Record<string, unknown>;
  startedAt: string;
}
