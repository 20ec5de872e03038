import { describe, expect, it } from "vitest";
import { createSequenceTracker } from "./sequence-tracker.ts";

describe("createSequenceTracker", () => {
  it("accepts messages in order and remembers the last sequence", () => {
    const tracker = createSequenceTracker();
    expect(tracker.lastSequence).toBe(0);
    expect(tracker.accept(1)).toBe(0);
    expect(tracker.accept(2)).toBe(1);
    expect(tracker.accept(3)).toBe(2);
    expect(tracker.lastSequence).toBe(3);
  });

  it("refuses a sequence it has already seen, as a replay after a reconnect sends", () => {
    const tracker = createSequenceTracker();
    for (const sequence of [1, 2, 3]) tracker.accept(sequence);
    expect(tracker.accept(2)).toBe(-1);
    expect(tracker.accept(3)).toBe(-1);
    expect(tracker.has(2)).toBe(true);
    expect(tracker.accept(4)).toBe(3);
  });

  it("places a late message among the earlier ones", () => {
    const tracker = createSequenceTracker();
    tracker.accept(1);
    tracker.accept(3);
    tracker.accept(5);
    expect(tracker.accept(4)).toBe(2);
    expect(tracker.accept(2)).toBe(1);
    expect(tracker.accept(0)).toBe(0);
    expect(tracker.lastSequence).toBe(5);
  });

  it("forgets everything on reset, for a new conversation", () => {
    const tracker = createSequenceTracker();
    tracker.accept(7);
    tracker.reset();
    expect(tracker.lastSequence).toBe(0);
    expect(tracker.has(7)).toBe(false);
    expect(tracker.accept(1)).toBe(0);
  });
});
