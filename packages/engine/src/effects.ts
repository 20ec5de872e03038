import type { TimerName } from "./events.ts";
import type { OutboundMessage } from "./messages.ts";
import type { AssistantStatus } from "./status.ts";

export type AttributeKlass = "conversation" | "customer";

/**
 * Effects are instructions for whoever holds the I/O. Those with a `requestId`
 * expect an event with the same id in return.
 */
export type Effect =
  | { type: "message.send"; message: OutboundMessage }
  | { type: "attribute.set"; klass: AttributeKlass; attribute: string; value: unknown }
  | { type: "workflow.call"; requestId: string; workflowId: string; inputs: Record<string, string> }
  | {
      type: "articles.search";
      requestId: string;
      knowledgeBaseId: string;
      query: string;
      language: string;
      limit: number;
    }
  | {
      type: "answer.request";
      requestId: string;
      knowledgeBaseId: string;
      aiProfileId?: string;
      question: string;
      language: string;
    }
  | { type: "objects.lookup"; requestId: string; klass: string; query: string; limit: number }
  | { type: "timer.schedule"; name: TimerName; timerId: string; at: number }
  | { type: "timer.cancel"; name: TimerName }
  | { type: "status.set"; status: AssistantStatus; reason: string }
  | {
      type: "conversation.transfer";
      teamId?: string;
      routing: { priority?: number; queue?: string; skills?: string[] };
      /** Everything the assistant collected, for the agent. */
      collected: Record<string, unknown>;
      reason: string;
    }
  | { type: "conversation.end"; reason: string }
  | { type: "voicemail.record"; maxSeconds: number }
  /** Customer feedback on an answer or a feedback request, kept for reports. */
  | {
      type: "feedback.record";
      interactionId: string;
      outcome: "positive" | "neutral" | "negative";
      answerId?: string;
    }
  /** The follow-up channel a customer chose when no agent answered in time. */
  | { type: "follow_up.record"; channel: string; contact?: string }
  /** An intent detected in the customer's words, kept for reports and debugging. */
  | { type: "intent.detected"; intent: string; score: number; reason: string; dialogId?: string };

export type EffectType = Effect["type"];

/** Every effect type, for callers that check names from outside (test files, logs). */
export const effectTypes = [
  "message.send",
  "attribute.set",
  "workflow.call",
  "articles.search",
  "answer.request",
  "objects.lookup",
  "timer.schedule",
  "timer.cancel",
  "status.set",
  "conversation.transfer",
  "conversation.end",
  "voicemail.record",
  "feedback.record",
  "follow_up.record",
  "intent.detected",
] as const satisfies readonly EffectType[];

// A new effect type must be listed above: this stops compiling until it is.
const everyEffectTypeListed: Exclude<EffectType, (typeof effectTypes)[number]> extends never ? true : never =
  true;
void everyEffectTypeListed;
