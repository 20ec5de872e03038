// Events shaped as the conversation runner emits them, for tests that queue webhooks without a conversation.
import { randomUUID } from "node:crypto";
import type { ConversationDomainEvent, ConversationSummary } from "../conversations/domain-events.ts";

function summary(conversationId: string): ConversationSummary {
  return {
    id: conversationId,
    brandId: null,
    channel: "chat",
    assistantId: null,
    assistantVersion: null,
    preview: false,
    customerId: null,
    language: "en",
    status: "transferred",
    assistantStatus: "transferred",
    teamId: null,
    assignedAgentId: null,
    attributes: { orderNumber: "A-1001" },
    startedAt: "2026-11-25T09:00:00.000Z",
  };
}

export function transferred(conversationId: string = randomUUID()): ConversationDomainEvent {
  return {
    type: "conversation.transferred",
    conversationId,
    data: {
      ...summary(conversationId),
      reason: "customer_asked",
      collected: { email: "a@example.com" },
      transcript: [],
    },
  };
}

export function messageCreated(
  conversationId: string = randomUUID(),
  text = "Hello",
): ConversationDomainEvent {
  return {
    type: "message.created",
    conversationId,
    data: {
      message: {
        sequence: 1,
        author: "customer",
        authorId: null,
        body: { kind: "text", text },
        createdAt: "2026-11-25T09:00:01.000Z",
      },
    },
  };
}
