import type { DatabaseConnection } from "../database/connection.ts";
import { type FeedNotice, feedChannel, parseFeedNotice } from "./feed-notice.ts";
import { type NoticeLog, NoticeQueue } from "./notice-queue.ts";
import { TypingThrottle } from "./typing-throttle.ts";

/** Called with a notice, or with null after the listener reconnected and may have missed some. */
export type FeedListener = (notice: FeedNotice | null) => void;

/**
 * Tells this process's sockets when their conversation has something new, whichever
 * process stored it: every process LISTENs on one channel (PostgreSQL NOTIFY reaches
 * them all; PGlite delivers in-process).
 */
export class ConversationFeed {
  private readonly listeners = new Map<string, Set<FeedListener>>();
  private readonly queue: NoticeQueue;
  private readonly typing = new TypingThrottle();
  private stopListening: (() => Promise<void>) | null = null;

  private constructor(connection: DatabaseConnection, log: NoticeLog) {
    this.queue = new NoticeQueue({
      send: (payload) => connection.notify(feedChannel, payload),
      log,
    });
  }

  static async open(connection: DatabaseConnection, log: NoticeLog): Promise<ConversationFeed> {
    const feed = new ConversationFeed(connection, log);
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

  /**
   * After a turn has committed, and for drafts. Returns at once: nobody waits for a notice, which
   * goes out when the database has a moment, or merged into a later one (notice-queue.ts).
   */
  publish(notice: FeedNotice): void {
    this.queue.enqueue(notice);
  }

  /** Typing, which is not stored: a notice is all it is, and only a change or a refresh is sent. */
  publishTyping(conversationId: string, author: "customer" | "agent", active: boolean): void {
    if (this.typing.admit(conversationId, author, active)) {
      this.queue.enqueue({ conversationId, typing: { author, active } });
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
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
