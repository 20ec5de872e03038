import { describe, expect, it } from "vitest";
import type { TranscriptMessage } from "./domain-events.ts";
import { feedPayload, parseFeedNotice } from "./feed-notice.ts";

function message(sequence: number, text: string): TranscriptMessage {
  return {
    sequence,
    author: "assistant",
    authorId: null,
    body: { kind: "text", text },
    createdAt: "2026-11-24T10:00:00.000Z",
  };
}

describe("feed notices", () => {
  it("carry the turn's messages to every process when they fit", () => {
    const notice = {
      conversationId: "c1",
      lastSequence: 2,
      messages: [message(1, "Hi"), message(2, "Hello")],
    };
    expect(parseFeedNotice(feedPayload(notice))).toEqual(notice);
  });

  it("leave the messages to be read from the database when NOTIFY would refuse the payload", () => {
    const long = "ñ".repeat(4096);
    const notice = {
      conversationId: "c1",
      lastSequence: 2,
      messages: [message(1, long), message(2, "Thanks")],
    };
    const payload = feedPayload(notice);
    expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(parseFeedNotice(payload)).toEqual({ conversationId: "c1", lastSequence: 2 });
  });
});
