import type { DatabaseConnection } from "../database/connection.ts";
import { type FeedNotice, feedChannel, feedPayload, parseFeedNotice } from "./feed-notice.ts";

/** Called with a notice, or with null after the listener reconnected and may have missed some. */
export type FeedListener = (notice: FeedNotice | null) => void;

/**
 * Tells this process's sockets when their conversation has something new, whichever
 * process stored it: every process LISTENs on one channel (PostgreSQL NOTIFY reaches
 * them all; PGlite delivers in-process).
 */
export class ConversationFeed {
  private readonly listeners = new Map<string, Set<FeedListener>>();
  private readonly connection: DatabaseConnection;
  private stopListening: (() => Promise<void>) | null = null;

  private constructor(connection: DatabaseConnection) {
    this.connection = connection;
  }

  static async open(connection: DatabaseConnection): Promise<ConversationFeed> {
    const feed = new ConversationFeed(connection);
    feed.stopListening = await connection.listen(feedChannel, (payload) => feed.dispatch(payload));
    return feed;
  }

  subscribe(conversationId: string, listener: FeedListener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(conversationId);
    };
  }

  /** After a turn has committed; and for typing, which is not stored: a notice is all it is. */
  async publish(notice: FeedNotice): Promise<void> {
    await this.connection.notify(feedChannel, feedPayload(notice));
  }

  async close(): Promise<void> {
    await this.stopListening?.();
    this.listeners.clear();
  }

  private dispatch(payload: string): void {
    if (payload === "") {
      for (const set of this.listeners.values()) for (const listener of set) listener(null);
      return;
    }
    const notice = parseFeedNotice(payload);
    if (!notice) return;
    for (const listener of this.listeners.get(notice.conversationId) ?? []) listener(notice);
  }
}
