/** The shapes of docs/web-chat.md as the widget reads them. */

// Types only: nothing of the engine ends up in widget.js.
import type {
  ArticleReference,
  AttachmentReference,
  ChoiceOption,
  OutboundMessage,
  TranscriptMessageBody,
} from "@parley/engine/messages";

export type Author = "customer" | "assistant" | "agent" | "system";

export type { ArticleReference, AttachmentReference, ChoiceOption };

export type Card = Extract<OutboundMessage, { kind: "cards" }>["cards"][number];

/**
 * A message body: the engine's contract, shared with the server and its OpenAPI document. The
 * customer's and the assistant's attachment messages share a kind but not their fields, and a
 * newer server may send kinds this widget does not know yet (see `renderMessage`).
 */
export type MessageBody = TranscriptMessageBody;

export interface TranscriptMessage {
  sequence: number;
  author: Author;
  authorId: string | null;
  authorName?: string;
  body: MessageBody;
  createdAt: string;
}

export type ConversationStatus = "open" | "transferred" | "ended";

export interface ConversationView {
  id: string;
  status: ConversationStatus;
  assistantStatus: string | null;
  language: string;
  assistant: { publicName: string } | null;
  lastSequence: number;
}

export interface StartedConversation {
  conversation: ConversationView;
  visitorToken: string;
  messages: TranscriptMessage[];
}

export interface BrandSettings {
  brand: { id: string; name: string };
  settings: { consentText?: string; accentColor?: string; position?: "right" | "left" };
  assistant: { publicName: string } | null;
}

/** What the page tells the server about the visit; rules match on it. */
export interface PageSession {
  currentPage: string;
  previousPage: string;
  language: string;
  timeOnPage: number;
  userAgent: string;
}

export type ServerFrame =
  | { type: "message"; message: TranscriptMessage }
  | { type: "typing"; author: "assistant" | "agent"; active: boolean }
  /** The whole text so far of an AI answer being written; the answer message replaces it. */
  | { type: "draft"; author: "assistant"; requestId: string; text: string }
  | { type: "conversation"; conversation: ConversationView };

/** What the customer sends: exactly one of these, with the id that makes retries safe. */
export type OutgoingMessage =
  | { text: string }
  | { optionId: string }
  | { attachments: AttachmentReference[] };

/** A file uploaded to attach; `url` is relative to the Parley server. */
export interface StoredFile {
  id: string;
  url: string;
  mediaType: string;
  name: string;
  size: number;
}
