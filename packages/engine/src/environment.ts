import type { BusinessScheduleDefinition } from "@parley/model";

export interface DetectedIntent {
  intent: string;
  /** Calibrated confidence between 0 and 1. */
  score: number;
  /** Why it matched, such as `keyword` or `phrases`. */
  reason: string;
}

/** Attribute values known outside the conversation, by scope. */
export interface AttributeValues {
  conversation?: Record<string, unknown>;
  customer?: Record<string, unknown>;
  company?: Record<string, unknown>;
  /** Web chat context: currentPage, language, timeOnPage, userAgent, authenticated. */
  session?: Record<string, unknown>;
}

/**
 * The pure inputs of a turn. Nothing here performs I/O: the caller loads what
 * the turn may read before calling the engine.
 */
export interface EngineEnvironment {
  /** The time now, in milliseconds since the epoch. */
  now: number;
  attributes?: AttributeValues;
  /** Business schedules by id. */
  schedules?: Record<string, BusinessScheduleDefinition>;
  /** Snippet values by snippet name, then by language. */
  snippets?: Record<string, Record<string, string>>;
  /** Present when the organization has intents; pure and synchronous. */
  detectIntent?: (text: string, language: string) => DetectedIntent | null;
}

/** How a conversation starts: the dialog a rule chose and the customer's language. */
export interface StartContext {
  startDialogId?: string;
  language?: string;
}
