import { describe, expect, it } from "vitest";
import { CliError } from "../src/exit-codes.ts";
import { checkTestIntents } from "../src/intents/check-test-intents.ts";
import { formatEvaluationTable } from "../src/intents/evaluation-table.ts";
import type { LabeledSet } from "../src/intents/labeled-set.ts";
import { createClassificationProgress } from "../src/intents/progress.ts";

describe("evaluation progress", () => {
  it("stays quiet on short runs and prints about once a second on long ones, on stderr", () => {
    let clock = 0;
    const written: string[] = [];
    const progress = createClassificationProgress(
      {
        stdout: () => expect.unreachable("progress never goes to stdout"),
        stderr: (text) => written.push(text),
      },
      () => clock,
    );
    progress(100, 5500);
    clock = 500;
    progress(1000, 5500);
    clock = 1200;
    progress(2000, 5500);
    clock = 1300;
    progress(2100, 5500);
    clock = 9000;
    progress(5500, 5500);
    expect(written).toEqual(["classified 2,000 of 5,500\n"]);
  });
});

describe("the evaluation table", () => {
  it("writes n/a for figures that do not exist and names out of scope", () => {
    const table = formatEvaluationTable(
      {
        intents: 2,
        trainingPhrases: 10,
        report: {
          lines: 3,
          inScopeLines: 0,
          outOfScopeLines: 3,
          accuracy: 2 / 3,
          inScopeAccuracy: 0,
          macroF1: 0,
          oosPrecision: null,
          oosRecall: 2 / 3,
          trainMs: 1234.5,
          p50Ms: 0.123,
          p99Ms: 2,
          confusions: [{ expected: null, predicted: "refund", count: 1 }],
        },
      },
      { trainingSource: "train.jsonl", testSource: "test.jsonl", shots: 5, seed: 1 },
    );
    expect(table).toContain("Trained 2 intents on 10 phrases (5 per intent, seed 1) from train.jsonl.");
    expect(table).toMatch(/^accuracy \(all lines\) +66\.7%$/m);
    expect(table).toMatch(/^in-scope accuracy +n\/a$/m);
    expect(table).toMatch(/^out-of-scope precision +n\/a$/m);
    expect(table).toMatch(/^training time +1235 ms$/m);
    expect(table).toMatch(/^classification p50 +0\.12 ms$/m);
    expect(table).toMatch(/^\(out of scope\) → refund +1$/m);
  });
});

describe("test intents", () => {
  const test: LabeledSet = {
    source: "test.jsonl",
    lines: [
      { text: "a", intent: "refund" },
      { text: "b", intent: null },
      { text: "c", intent: "Track Order" },
    ],
    locate: (index) => `line ${index + 1}`,
  };

  it("passes when every intent is trained, and out-of-scope lines need none", () => {
    expect(() => checkTestIntents(test, new Set(["refund", "Track Order"]), "known")).not.toThrow();
  });

  it("names each unknown intent with its first line and a snake_case suggestion", () => {
    expect(() => checkTestIntents(test, new Set(["refund", "track_order"]), "the intents are")).toThrow(
      new CliError(
        'test.jsonl: unknown intent "Track Order" (line 3; did you mean track_order?); the intents are: refund, track_order',
      ),
    );
  });
});
