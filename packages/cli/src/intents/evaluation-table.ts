import type { Confusion } from "@parley/nlu";
import { formatCount } from "./progress.ts";
import type { EvaluationRun } from "./run-evaluation.ts";

export interface EvaluationDescription {
  /** Where the phrases came from: a file, the dataset's train list, or "the predefined intents". */
  trainingSource: string;
  testSource: string;
  shots: number | undefined;
  seed: number;
}

function percent(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

function milliseconds(value: number | null): string {
  if (value === null) return "n/a";
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

/** Out of scope is written out: a bare "null" reads like a bug in the output. */
function intentName(name: string | null): string {
  return name ?? "(out of scope)";
}

/** Left-aligned columns separated by two spaces, the way the benchmarks print (bench:intents uses it too). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function confusionLines(confusions: readonly Confusion[]): string[] {
  if (confusions.length === 0) return ["No confusions: every test line got its intent."];
  return table(
    ["most confused (expected → detected)", "lines"],
    confusions.map((confusion) => [
      `${intentName(confusion.expected)} → ${intentName(confusion.predicted)}`,
      formatCount(confusion.count),
    ]),
  );
}

/** The report for people: what was trained and tested, the figures, then the commonest mistakes. */
export function formatEvaluationTable(run: EvaluationRun, description: EvaluationDescription): string {
  const { report } = run;
  const drawn =
    description.shots === undefined
      ? ""
      : ` (${formatCount(description.shots)} per intent, seed ${description.seed})`;
  const lines = [
    `Trained ${formatCount(run.intents)} intents on ${formatCount(run.trainingPhrases)} phrases${drawn} from ${description.trainingSource}.`,
    `Tested on ${formatCount(report.lines)} lines of ${description.testSource}: ${formatCount(report.inScopeLines)} in scope, ${formatCount(report.outOfScopeLines)} out of scope.`,
    "",
    ...table(
      ["figure", "value"],
      [
        ["accuracy (all lines)", percent(report.accuracy)],
        ["in-scope accuracy", percent(report.inScopeLines > 0 ? report.inScopeAccuracy : null)],
        ["macro-F1 (in-scope intents)", percent(report.inScopeLines > 0 ? report.macroF1 : null)],
        ["out-of-scope precision", percent(report.oosPrecision)],
        ["out-of-scope recall", percent(report.oosRecall)],
        ["training time", milliseconds(report.trainMs)],
        ["classification p50", milliseconds(report.p50Ms)],
        ["classification p99", milliseconds(report.p99Ms)],
      ],
    ),
    "",
    ...confusionLines(report.confusions),
  ];
  return `${lines.join("\n")}\n`;
}
