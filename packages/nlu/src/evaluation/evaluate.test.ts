import { describe, expect, it } from "vitest";
import { trainIntentModel } from "../train.ts";
import { evaluateIntents, percentile, scoreAnswers } from "./evaluate.ts";

describe("scoreAnswers", () => {
  const answers = [
    { expected: "refund", predicted: "refund" },
    { expected: "refund", predicted: "cancel" },
    { expected: "cancel", predicted: "cancel" },
    { expected: "cancel", predicted: null },
    { expected: null, predicted: null },
    { expected: null, predicted: "refund" },
  ];

  it("counts out-of-scope lines answered with no intent as right", () => {
    const report = scoreAnswers(answers);
    expect(report.accuracy).toBeCloseTo(3 / 6);
    expect(report.inScopeAccuracy).toBeCloseTo(2 / 4);
    expect(report.oosRecall).toBeCloseTo(1 / 2);
    expect(report.oosPrecision).toBeCloseTo(1 / 2);
    expect([report.lines, report.inScopeLines, report.outOfScopeLines]).toEqual([6, 4, 2]);
  });

  it("averages F1 over the in-scope intents", () => {
    // refund: precision 1/2, recall 1/2; cancel: precision 1/2, recall 1/2.
    expect(scoreAnswers(answers).macroF1).toBeCloseTo(0.5);
  });

  it("lists the most frequent mistakes first", () => {
    const report = scoreAnswers([...answers, { expected: "refund", predicted: "cancel" }]);
    expect(report.confusions[0]).toEqual({ expected: "refund", predicted: "cancel", count: 2 });
    expect(report.confusions).toHaveLength(3);
  });

  it("has no out-of-scope figures without out-of-scope lines, and no latency without a clock", () => {
    const report = scoreAnswers([{ expected: "refund", predicted: "refund" }]);
    expect(report.oosRecall).toBeNull();
    expect(report.oosPrecision).toBeNull();
    expect(report.p99Ms).toBeNull();
  });
});

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe("evaluateIntents", () => {
  const model = trainIntentModel([
    { name: "Refund", keywords: { en: ["refund"] } },
    { name: "Cancel", keywords: { en: ["cancel"] } },
  ]);
  const lines = [
    { text: "I want a refund", intent: "Refund" },
    { text: "cancel it", intent: "Cancel" },
    { text: "please cancel", intent: "Refund" },
    { text: "what time is it", intent: null },
  ];

  it("classifies every line and reports latency from the given clock", () => {
    let time = 0;
    const progress: number[] = [];
    const report = evaluateIntents(model, lines, {
      now: () => {
        time += 0.5;
        return time;
      },
      trainMs: 12,
      onProgress: (done) => progress.push(done),
    });
    expect(report.accuracy).toBeCloseTo(3 / 4);
    expect(report.oosRecall).toBe(1);
    expect(report.p50Ms).toBeCloseTo(0.5);
    expect(report.trainMs).toBe(12);
    expect(progress).toEqual([4]);
    expect(report.confusions).toEqual([{ expected: "Refund", predicted: "Cancel", count: 1 }]);
  });

  it("is pure without a clock", () => {
    expect(evaluateIntents(model, lines)).toEqual(evaluateIntents(model, lines));
    expect(evaluateIntents(model, lines).p50Ms).toBeNull();
  });
});
