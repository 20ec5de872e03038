import { type FeedNotice, feedPayload, isEphemeral, mergeNotices } from "./feed-notice.ts";

/** Where the queue reports trouble: the server's logger. */
export interface NoticeLog {
  warn(details: object, message: string): void;
}

export interface NoticeQueueOptions {
  /** Sends one NOTIFY payload; the empty payload tells every socket to read what it may have missed. */
  send: (payload: string) => Promise<void>;
  log: NoticeLog;
  /** Notices waiting (at most one per conversation, and one per typing author); past this, some are dropped. */
  maxWaiting?: number;
  /** NOTIFYs sent at once: the PostgreSQL notify pool has two connections. */
  maxInFlight?: number;
}

/** Enough for bursts of hundreds of turns a second; well under what the memory of a process notices. */
const defaultMaxWaiting = 1000;

/**
 * Sends notices without making anyone wait for them, and without letting them pile up. Notices are
 * hints (a socket reads what they announce by sequence number), so when they come faster than the
 * database takes them, the queue keeps at most one per conversation (and one per conversation and
 * typing author), merging a newer one into the one waiting. Past `maxWaiting` it drops typing and
 * drafts; a notice of stored messages is not dropped but replaces everything waiting by one empty
 * notice, sent next, that tells every socket to read what it missed: that covers whatever was stored
 * before it went out.
 */
export class NoticeQueue {
  private readonly options: Required<NoticeQueueOptions>;
  /** By `waitingKey`, oldest first. */
  private readonly waiting = new Map<string, FeedNotice>();
  /** Each NOTIFY being sent, with its conversation. */
  private readonly inFlight = new Map<Promise<void>, string>();
  private catchUpWaiting = false;
  private overflowReported = false;
  private failureReported = false;
  private closed = false;

  constructor(options: NoticeQueueOptions) {
    this.options = { maxWaiting: defaultMaxWaiting, maxInFlight: 2, ...options };
  }

  /** How many notices wait to be sent. */
  get size(): number {
    return this.waiting.size;
  }

  /** Queues a notice and returns at once: it goes out when the database has a moment. */
  enqueue(notice: FeedNotice): void {
    if (this.closed) return;
    const key = waitingKey(notice);
    const earlier = this.waiting.get(key);
    if (earlier) {
      this.waiting.set(key, mergeNotices(earlier, notice));
    } else if (this.waiting.size < this.options.maxWaiting) {
      this.waiting.set(key, notice);
    } else {
      if (!isEphemeral(notice)) this.catchUpWaiting = true;
      this.reportOverflow();
    }
    this.pump();
  }

  /** Stops taking notices and waits for those being sent. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.clear();
    this.catchUpWaiting = false;
    await Promise.all(this.inFlight.keys());
  }

  private pump(): void {
    while (this.inFlight.size < this.options.maxInFlight) {
      const next = this.next();
      if (next === undefined) return;
      const sending: Promise<void> = this.options
        .send(next.payload)
        .then(
          () => {
            this.failureReported = false;
          },
          (error: unknown) => this.reportFailure(error),
        )
        .finally(() => {
          this.inFlight.delete(sending);
          this.pump();
        });
      this.inFlight.set(sending, next.conversationId);
    }
  }

  /**
   * The oldest notice of a conversation with none in flight: two NOTIFYs on two connections may
   * arrive in either order, and a stop overtaken by its "typing" would leave the indicator on.
   */
  private next(): { payload: string; conversationId: string } | undefined {
    if (this.catchUpWaiting) {
      // Everything waiting was stored before this goes out, so the catch-up covers it.
      this.catchUpWaiting = false;
      this.waiting.clear();
      return { payload: "", conversationId: "" };
    }
    // At most a few waiting notices belong to the conversations in flight, so this stops soon.
    const busy = new Set(this.inFlight.values());
    for (const [key, notice] of this.waiting) {
      if (busy.has(notice.conversationId)) continue;
      this.waiting.delete(key);
      return { payload: feedPayload(notice), conversationId: notice.conversationId };
    }
    if (this.waiting.size === 0) this.overflowReported = false;
    return undefined;
  }

  private reportOverflow(): void {
    if (this.overflowReported) return;
    this.overflowReported = true;
    this.options.log.warn(
      { waiting: this.waiting.size },
      "conversation notices come faster than the database takes them: typing and drafts are dropped, sockets catch up",
    );
  }

  private reportFailure(error: unknown): void {
    // Once until a notice goes out again: a database that is down would otherwise fill the log.
    if (this.failureReported) return;
    this.failureReported = true;
    this.options.log.warn(
      { err: error },
      "sending a conversation notice failed; sockets catch up on the next one",
    );
  }
}

/**
 * Notices that wait under one key are merged. Typing has a key per author, so the customer's
 * typing and an agent's do not replace each other; within one, the latest state is what counts.
 */
function waitingKey(notice: FeedNotice): string {
  return notice.typing ? `${notice.conversationId} typing ${notice.typing.author}` : notice.conversationId;
}
