import { classify } from "../classify.ts";
import type { IntentModel } from "../model.ts";
import type { LabeledLine } from "./labeled-line.ts";

export interface Confusion {
  expected: string | null;
  predicted: string | null;
  count: number;
}

export interface EvaluationReport {
  lines: number;
  inScopeLines: number;
  outOfScopeLines: number;
  /** Right answers over all lines, "no intent" on an out-of-scope line being right. */
  accuracy: number;
  /** Right intents over the in-scope lines ("no intent" on them is wrong). */
  inScopeAccuracy: number;
  /** The mean F1 of the in-scope intents of the lines. */
  macroF1: number;
  /** Out of scope ("oos"): of the lines given no intent, how many were out of scope; null when none was. */
  oosPrecision: number | null;
  /** Of the out-of-scope lines, how many were given no intent; null without out-of-scope lines. */
  oosRecall: number | null;
  /** As passed in `trainMs`, so one report holds the whole run. */
  trainMs: number | null;
  /** Classification latency percentiles, when a clock was given. */
  p50Ms: number | null;
  p99Ms: number | null;
  /** The most frequent mistakes, most frequent first. */
  confusions: Confusion[];
}

export interface EvaluateOptions {
  /** The language of the lines (default "en"). */
  language?: string;
  /** A clock in milliseconds, such as `performance.now`, to measure latency; without it there is none. */
  now?: () => number;
  trainMs?: number;
  /** Called every 100 lines and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** How many confusion pairs to report (default 10). */
  confusionCount?: number;
}

/** The value at a quantile of sorted values, by the nearest-rank method. */
export function percentile(sorted: readonly number[], quantile: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(quantile * sorted.length)));
  return sorted[rank - 1] ?? null;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function macroF1(pairs: readonly AnsweredLine[]): number {
  const intents = new Set(pairs.flatMap((pair) => (pair.expected === null ? [] : [pair.expected])));
  if (intents.size === 0) return 0;
  let sum = 0;
  for (const intent of intents) {
    let truePositives = 0;
    let predicted = 0;
    let expected = 0;
    for (const pair of pairs) {
      if (pair.predicted === intent) predicted += 1;
      if (pair.expected === intent) expected += 1;
      if (pair.predicted === intent && pair.expected === intent) truePositives += 1;
    }
    const precision = ratio(truePositives, predicted) ?? 0;
    const recall = ratio(truePositives, expected) ?? 0;
    sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return sum / intents.size;
}

export interface AnsweredLine {
  expected: string | null;
  predicted: string | null;
}

export interface ScoreOptions {
  /** Classification latencies in milliseconds, one per answer, when they were measured. */
  latenciesMs?: readonly number[];
  trainMs?: number;
  /** How many confusion pairs to report (default 10). */
  confusionCount?: number;
}

/**
 * The figures of a list of answers, whoever gave them: `evaluateIntents`
 * uses it for Parley's classifier, the benchmark for its peer, so both are
 * measured by the same code.
 */
export function scoreAnswers(answers: readonly AnsweredLine[], options: ScoreOptions = {}): EvaluationReport {
  const inScope = answers.filter((pair) => pair.expected !== null);
  const outOfScope = answers.filter((pair) => pair.expected === null);
  const givenNone = answers.filter((pair) => pair.predicted === null);
  const confusionCounts = new Map<string, Confusion>();
  for (const pair of answers) {
    if (pair.expected === pair.predicted) continue;
    const key = JSON.stringify([pair.expected, pair.predicted]);
    const entry = confusionCounts.get(key) ?? {
      expected: pair.expected,
      predicted: pair.predicted,
      count: 0,
    };
    entry.count += 1;
    confusionCounts.set(key, entry);
  }
  const latencies = [...(options.latenciesMs ?? [])].sort((left, right) => left - right);
  return {
    lines: answers.length,
    inScopeLines: inScope.length,
    outOfScopeLines: outOfScope.length,
    accuracy: ratio(answers.filter((pair) => pair.expected === pair.predicted).length, answers.length) ?? 0,
    inScopeAccuracy:
      ratio(inScope.filter((pair) => pair.expected === pair.predicted).length, inScope.length) ?? 0,
    macroF1: macroF1(answers),
    oosPrecision: ratio(givenNone.filter((pair) => pair.expected === null).length, givenNone.length),
    oosRecall: ratio(outOfScope.filter((pair) => pair.predicted === null).length, outOfScope.length),
    trainMs: options.trainMs ?? null,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    confusions: [...confusionCounts.values()]
      .sort((left, right) => right.count - left.count)
      .slice(0, options.confusionCount ?? 10),
  };
}

/**
 * Runs every line through `classify` (keywords and phrases, as customers
 * would meet them) and measures the answers. Pure apart from the optional
 * clock, which the caller provides.
 */
export function evaluateIntents(
  model: IntentModel,
  lines: readonly LabeledLine[],
  options: EvaluateOptions = {},
): EvaluationReport {
  const language = options.language ?? "en";
  const latencies: number[] = [];
  const answers: AnsweredLine[] = [];
  lines.forEach((line, index) => {
    const started = options.now?.();
    const predicted = classify(model, line.text, language).detected?.intent ?? null;
    if (started !== undefined && options.now) latencies.push(options.now() - started);
    answers.push({ expected: line.intent, predicted });
    if (options.onProgress && ((index + 1) % 100 === 0 || index + 1 === lines.length)) {
      options.onProgress(index + 1, lines.length);
    }
  });
  return scoreAnswers(answers, {
    latenciesMs: latencies,
    ...(options.trainMs === undefined ? {} : { trainMs: options.trainMs }),
    ...(options.confusionCount === undefined ? {} : { confusionCount: options.confusionCount }),
  });
}
