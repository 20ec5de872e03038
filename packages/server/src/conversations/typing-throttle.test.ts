import { describe, expect, it } from "vitest";
import { TypingThrottle, typingIntervalMilliseconds } from "./typing-throttle.ts";

describe("the typing throttle", () => {
  it("sends a change, a stop at once, and 'still typing' once an interval", () => {
    let now = 0;
    const throttle = new TypingThrottle(() => now);
    const admitted = (active: boolean, author: "customer" | "agent" = "customer") =>
      throttle.admit("c1", author, active);
    expect(admitted(true)).toBe(true);
    expect(admitted(true)).toBe(false);
    expect(admitted(true, "agent")).toBe(true);
    expect(admitted(false)).toBe(true);
    expect(admitted(false)).toBe(false);
    // Back and forth within the interval: at most "typing" and a stop.
    expect(admitted(true)).toBe(false);
    now += typingIntervalMilliseconds;
    expect(admitted(true)).toBe(true);
    now += typingIntervalMilliseconds - 1;
    expect(admitted(true)).toBe(false);
    now += 1;
    expect(admitted(true)).toBe(true);
    // A stop repeated long after is still no change.
    expect(admitted(false)).toBe(true);
    now += 30_000;
    expect(admitted(false)).toBe(false);
  });
});
