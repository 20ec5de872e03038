import type { FeedbackOutcome } from "@parley/model";

/** An article found in the knowledge base, as shown to the customer. */
export interface ArticleReference {
  id: string;
  title: string;
  url: string;
  snippet?: string;
}

/** A generated answer: `found` is false when the knowledge base had nothing relevant. */
export interface AiAnswer {
  found: boolean;
  text: string;
  citations: Array<{ title: string; url: string }>;
  answerId?: string;
}

/** An object (record of a custom Klass) linked to the customer, for the object selector. */
export interface FoundObject {
  id: string;
  attributes: Record<string, unknown>;
}

export interface TimerFiredEvent {
  type: "timer.fired";
  name: TimerName;
  /** The id from the `timer.schedule` effect; a stale id (rescheduled or cancelled timer) is ignored. */
  timerId: string;
}

/**
 * Everything that can happen to a conversation. The server turns webhooks,
 * sockets, jobs and timers into these; the CLI turns typed lines into them.
 */
export type ConversationEvent =
  | { type: "customer.text"; text: string }
  /** A button, list row, navigation button, feedback button or card, by its option id. */
  | { type: "customer.choice"; optionId: string }
  | { type: "customer.attachment"; attachments: Array<{ url: string; mediaType: string; name?: string }> }
  /** Voice: what the caller keyed or said in answer to a gather. */
  | { type: "customer.input"; digits?: string; speech?: string }
  | { type: "customer.closed" }
  | { type: "workflow.completed"; requestId: string; output: Record<string, unknown> }
  | { type: "articles.found"; requestId: string; articles: ArticleReference[] }
  | { type: "answer.generated"; requestId: string; answer: AiAnswer }
  | { type: "objects.found"; requestId: string; authenticated: boolean; objects: FoundObject[] }
  /** Any effect that needed I/O and failed: the engine's error path transfers to an agent. */
  | { type: "effect.failed"; requestId: string; error: string }
  | TimerFiredEvent
  | { type: "agent.assigned"; agentId: string }
  | { type: "agent.replied"; agentId: string; text: string }
  /** An agent marked the conversation done. */
  | { type: "agent.done"; agentId?: string };

export type ConversationEventType = ConversationEvent["type"];

export const timerNames = ["reminder", "abandon", "missed", "choice_timeout", "voice_reprompt"] as const;
export type TimerName = (typeof timerNames)[number];

export type { FeedbackOutcome };
