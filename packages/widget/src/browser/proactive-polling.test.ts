import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startProactivePolling } from "./proactive-polling.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const every10Seconds = { intervalMilliseconds: 10_000, durationMilliseconds: 60_000 };

describe("startProactivePolling", () => {
  it("asks at once, then every interval, until the duration is over", async () => {
    const check = vi.fn(async () => false);
    startProactivePolling({ ...every10Seconds, check });
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(check).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(check).toHaveBeenCalledTimes(7);
  });

  it("stops when a check says so", async () => {
    let calls = 0;
    const check = vi.fn(async () => {
      calls += 1;
      return calls === 2;
    });
    startProactivePolling({ ...every10Seconds, check });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it("keeps asking after a failed check", async () => {
    let calls = 0;
    const check = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError("Failed to fetch");
      return true;
    });
    startProactivePolling({ ...every10Seconds, check });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it("stops when told, even while a check is running", async () => {
    let answer: (done: boolean) => void = () => {};
    const check = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const stop = startProactivePolling({ ...every10Seconds, check });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    answer(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
