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

/** Whether a notice only says something passing (typing, a draft), with nothing stored to announce. */
export function isEphemeral(notice: FeedNotice): boolean {
  return notice.lastSequence === undefined && notice.conversationChanged !== true;
}

/**
 * One notice saying what two for the same conversation say, `later` sent after `earlier`: what a
 * socket does with the result is what it would have done with both. Carried messages stay only
 * when they run on without a gap; otherwise the socket reads them by sequence number.
 */
export function mergeNotices(earlier: FeedNotice, later: FeedNotice): FeedNotice {
  const lastSequence = Math.max(earlier.lastSequence ?? 0, later.lastSequence ?? 0);
  const merged: FeedNotice = { conversationId: earlier.conversationId };
  if (earlier.lastSequence !== undefined || later.lastSequence !== undefined) {
    merged.lastSequence = lastSequence;
    const messages = carriedMessages(earlier, later);
    if (messages) merged.messages = messages;
  }
  if (earlier.conversationChanged || later.conversationChanged) merged.conversationChanged = true;
  const typing = later.typing ?? earlier.typing;
  if (typing) merged.typing = typing;
  const draft = later.draft ?? earlier.draft;
  // A draft written before the last message announced is stale: the answer is already there.
  if (draft && draft.afterSequence >= lastSequence) merged.draft = draft;
  return merged;
}

function carriedMessages(earlier: FeedNotice, later: FeedNotice): TranscriptMessage[] | undefined {
  const after = earlier.lastSequence;
  if (after === undefined) return later.messages;
  if (later.lastSequence === undefined) return earlier.messages;
  if (!earlier.messages || !later.messages) return undefined;
  const following = later.messages.filter((message) => message.sequence > after);
  if (following.length > 0 && following[0]?.sequence !== after + 1) return undefined;
  return [...earlier.messages, ...following];
}
