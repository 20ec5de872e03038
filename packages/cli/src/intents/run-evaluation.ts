import {
  classify,
  definitionsFromLines,
  type EvaluationReport,
  evaluateIntents,
  type LabeledLine,
  trainIntentModel,
} from "@parley/nlu";

/**
 * The first classifications build the model's lookup tables and warm up the
 * JIT; a running server has paid for that long before a customer writes, so
 * they are left out of the latency figures.
 */
const warmUpLines = 10;

export interface EvaluationRun {
  report: EvaluationReport;
  intents: number;
  trainingPhrases: number;
}

export interface EvaluationRunOptions {
  /** A clock in milliseconds, such as `performance.now`. */
  now: () => number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Trains a model from the training lines' texts as the product trains an
 * organization's intents (`trainIntentModel` over one definition per
 * intent), then classifies every test line as a customer's English text.
 */
export function runEvaluation(
  training: readonly LabeledLine[],
  test: readonly LabeledLine[],
  options: EvaluationRunOptions,
): EvaluationRun {
  const definitions = definitionsFromLines(training);
  const started = options.now();
  const model = trainIntentModel(definitions);
  const trainMs = options.now() - started;
  for (const line of test.slice(0, warmUpLines)) classify(model, line.text, "en");
  const report = evaluateIntents(model, test, {
    language: "en",
    now: options.now,
    trainMs,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { report, intents: definitions.length, trainingPhrases: training.length };
}
