/** The NOTIFY channel that tells every server process a conversation has something new. */
export const feedChannel = "parley_conversation_feed";

import type { TranscriptMessage } from "./domain-events.ts";

/** NOTIFY refuses payloads of 8,000 bytes or more. */
const largestPayloadBytes = 7900;

/**
 * What a notice says. The turn's messages ride along when they fit, which spares each
 * socket a read; a socket that finds a gap between what it sent and what a notice
 * carries reads the database by sequence number instead, so a notice that is lost or
 * arrives twice changes nothing the customer sees.
 */
export interface FeedNotice {
  conversationId: string;
  lastSequence?: number;
  /** The messages up to `lastSequence` that this notice announces, in order, when they fit. */
  messages?: TranscriptMessage[];
  conversationChanged?: boolean;
  typing?: { author: "customer" | "assistant" | "agent"; active: boolean };
  /**
   * An AI answer as the model writes it, the whole text so far (not a piece), so a lost notice
   * costs nothing: the next one, and in the end the answer message, carry everything.
   */
  draft?: { requestId: string; text: string; afterSequence: number };
}

export function feedPayload(notice: FeedNotice): string {
  const payload = JSON.stringify(notice);
  if (notice.messages === undefined || Buffer.byteLength(payload) <= largestPayloadBytes) return payload;
  const { messages: _tooLarge, ...announcement } = notice;
  return JSON.stringify(announcement);
}

export function parseFeedNotice(payload: string): FeedNotice | null {
  try {
    const value = JSON.parse(payload) as unknown;
    if (typeof value !== "object" || value === null) return null;
    const notice = value as FeedNotice;
    return typeof notice.conversationId === "string" ? notice : null;
  } catch {
    return null;
  }
}
