import { describe, expect, it } from "vitest";
import type { FeedNotice } from "./feed-notice.ts";
import { NoticeQueue } from "./notice-queue.ts";

/** A notify path that takes nothing until released: what a saturated database looks like. */
function stuckDatabase() {
  const sent: string[] = [];
  const waiting: Array<() => void> = [];
  return {
    sent,
    send: (payload: string) => {
      sent.push(payload);
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    /** Lets every NOTIFY in flight finish, and waits for the queue to send what comes next. */
    async release() {
      for (const finish of waiting.splice(0)) finish();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const warnings: string[] = [];
const log = { warn: (_details: object, message: string) => void warnings.push(message) };
const message = (conversationId: string, lastSequence: number): FeedNotice => ({
  conversationId,
  lastSequence,
});
const typing = (conversationId: string, active: boolean): FeedNotice => ({
  conversationId,
  typing: { author: "customer", active },
});

describe("the notice queue", () => {
  it("keeps one notice per conversation waiting, the newest merged into it, while two are in flight", async () => {
    const database = stuckDatabase();
    const queue = new NoticeQueue({ send: database.send, log });
    for (let sequence = 1; sequence <= 1000; sequence += 1) {
      queue.enqueue(message("a", sequence));
      queue.enqueue(message("b", sequence));
      queue.enqueue(typing("a", sequence % 2 === 0));
    }
    expect(database.sent).toHaveLength(2);
    expect(queue.size).toBe(3);
    await database.release();
    await database.release();
    const rest = database.sent.slice(2).map((payload) => JSON.parse(payload) as FeedNotice);
    expect(rest).toHaveLength(3);
    expect(rest).toEqual(
      expect.arrayContaining([
        { conversationId: "b", lastSequence: 1000 },
        { conversationId: "a", typing: { author: "customer", active: true } },
        { conversationId: "a", lastSequence: 1000 },
      ]),
    );
  });

  it("past its bound drops typing, and replaces what waits with one catch-up for every socket", async () => {
    const database = stuckDatabase();
    const queue = new NoticeQueue({ send: database.send, log, maxWaiting: 10, maxInFlight: 1 });
    for (let index = 0; index < 100_000; index += 1) queue.enqueue(typing(`c${index}`, true));
    expect(queue.size).toBe(10);
    expect(warnings).toHaveLength(1);
    queue.enqueue(message("late", 1));
    expect(queue.size).toBe(10);
    await database.release();
    // The catch-up goes out next; what waited was stored before it, so nothing is left to send.
    expect(database.sent).toHaveLength(2);
    expect(database.sent[1]).toBe("");
    expect(queue.size).toBe(0);
  });
});
