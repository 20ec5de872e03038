/** The NOTIFY channel that tells every server process a conversation has something new. */
export const feedChannel = "parley_conversation_feed";

/**
 * What a notice says. Messages themselves are read from the database by sequence
 * number, so a notice that is lost or arrives twice changes nothing the customer sees.
 */
export interface FeedNotice {
  conversationId: string;
  lastSequence?: number;
  conversationChanged?: boolean;
  typing?: { author: "customer" | "assistant" | "agent"; active: boolean };
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
