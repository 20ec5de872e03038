import { describe, expect, it } from "vitest";
import { definitionsFromLines, sampleShots } from "./shots.ts";

const lines = [
  ...Array.from({ length: 20 }, (_, index) => ({ text: `refund ${index}`, intent: "refund" })),
  ...Array.from({ length: 3 }, (_, index) => ({ text: `cancel ${index}`, intent: "cancel" })),
  { text: "what time is it", intent: null },
];

describe("sampleShots", () => {
  it("draws K lines per intent, never out-of-scope ones", () => {
    const drawn = sampleShots(lines, 5, 1);
    expect(drawn.filter((line) => line.intent === "refund")).toHaveLength(5);
    // An intent with fewer lines than K gives all it has.
    expect(drawn.filter((line) => line.intent === "cancel")).toHaveLength(3);
    expect(drawn.some((line) => line.intent === null)).toBe(false);
  });

  it("draws the same lines for the same seed, whatever the order of the file", () => {
    expect(sampleShots(lines, 5, 7)).toEqual(
      sampleShots(
        [...lines].reverse().sort(() => 0),
        5,
        7,
      ),
    );
    expect(sampleShots(lines, 5, 7)).toEqual(sampleShots(lines, 5, 7));
    expect(sampleShots(lines, 5, 7)).not.toEqual(sampleShots(lines, 5, 8));
  });
});

describe("definitionsFromLines", () => {
  it("groups texts into intent definitions", () => {
    expect(definitionsFromLines(sampleShots(lines, 2, 1))).toEqual([
      { name: "cancel", phrases: expect.any(Array) },
      { name: "refund", phrases: expect.any(Array) },
    ]);
  });
});
