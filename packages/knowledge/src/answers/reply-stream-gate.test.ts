import { describe, expect, it } from "vitest";
import { answerRules } from "./answer-prompt.ts";
import { cleanReplyText, isNoAnswerReply } from "./answer-reply.ts";
import { createLeakDetector } from "./leak-detection.ts";
import { minimumHoldBackCharacters, ReplyStreamGate } from "./reply-stream-gate.ts";

const leakDetector = createLeakDetector([answerRules]);

function gateWithDeltas() {
  const deltas: string[] = [];
  const gate = new ReplyStreamGate({
    onText: (delta) => deltas.push(delta),
    withholds: (reply) => isNoAnswerReply(reply) || leakDetector.leaks(reply),
    longestWithheldLength: leakDetector.longestFingerprintLength,
  });
  return { gate, deltas };
}

/** Feeds text in pieces of the given size, as a stream of tokens would. */
function feed(gate: ReplyStreamGate, text: string, size = 3): void {
  for (let start = 0; start < text.length; start += size) gate.push(text.slice(start, start + size));
}

describe("ReplyStreamGate", () => {
  it("shows nothing of a short reply until it is final, then all of it", () => {
    const { gate, deltas } = gateWithDeltas();
    feed(gate, "Yes, within 30 days [1].");
    expect(deltas).toEqual([]);
    gate.finish(cleanReplyText(gate.reply));
    expect(deltas).toEqual(["Yes, within 30 days."]);
  });

  it("never shows the sentinel, whole or in part, however it is cut", () => {
    for (const size of [1, 2, 5, 40]) {
      const { gate, deltas } = gateWithDeltas();
      feed(gate, `NO_ANSWER${" ".repeat(minimumHoldBackCharacters + 100)}`, size);
      gate.finish("");
      expect(gate.stopped).toBe(true);
      expect(deltas).toEqual([]);
    }
  });

  it("streams a long reply by whole words, without citation markers, adding up to the final text", () => {
    const reply =
      "You can return most items within 30 days of delivery [1]. Refunds go back to the original payment method within 5–7 business days [1, 2]. Standard shipping takes 5–7 business days [2].";
    for (const size of [1, 4, 9]) {
      const { gate, deltas } = gateWithDeltas();
      feed(gate, reply, size);
      const streamedBeforeTheEnd = deltas.join("");
      expect(streamedBeforeTheEnd.length).toBeGreaterThan(0);
      expect(streamedBeforeTheEnd).not.toMatch(/[[\]]/u);
      expect(cleanReplyText(reply).startsWith(streamedBeforeTheEnd)).toBe(true);
      expect(
        /\S$/u.test(streamedBeforeTheEnd) && reply.includes(`${streamedBeforeTheEnd.split(" ").at(-1)} `),
      ).toBe(true);
      gate.finish(cleanReplyText(reply));
      expect(deltas.join("")).toBe(cleanReplyText(reply));
    }
  });

  it("stops before any whole run of the rules' words is shown", () => {
    const { gate, deltas } = gateWithDeltas();
    const reply = `Happy to help with your order today, here is everything you need to know about it. ${answerRules}`;
    feed(gate, reply, 2);
    gate.finish("");
    expect(gate.stopped).toBe(true);
    expect(deltas.join("")).toContain("Happy to help");
    expect(leakDetector.leaks(deltas.join(""))).toBe(false);
  });
});
