import { describe, expect, it } from "vitest";
import { retryDelay } from "./backoff.ts";

describe("retryDelay", () => {
  it("doubles from half a second up to thirty seconds", () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 6, 7, 20].map((attempt) => retryDelay(attempt, noJitter))).toEqual([
      500, 1000, 2000, 4000, 30_000, 30_000, 30_000,
    ]);
  });

  it("cuts each wait by up to a half at random", () => {
    expect(retryDelay(2, () => 1)).toBe(1000);
    expect(retryDelay(2, () => 0.5)).toBe(1500);
  });
});
