export { type ClassifierSettings, defaultClassifierSettings } from "./classifier/settings.ts";
export { type ClassifyOptions, classify, createIntentDetector, detectIntent } from "./classify.ts";
export {
  type AnsweredLine,
  type Confusion,
  type EvaluateOptions,
  type EvaluationReport,
  evaluateIntents,
  percentile,
  type ScoreOptions,
  scoreAnswers,
} from "./evaluation/evaluate.ts";
export {
  formatLabeledLines,
  type LineProblem,
  type ParsedLines,
  parseLabeledLines,
} from "./evaluation/json-lines.ts";
export type { LabeledLine } from "./evaluation/labeled-line.ts";
export { createSeededRandom } from "./evaluation/seeded-random.ts";
export { definitionsFromLines, sampleShots } from "./evaluation/shots.ts";
export { keywordWords } from "./keywords/keyword-words.ts";
export { intentLimits } from "./limits.ts";
export { type IntentModel, modelFormat, modelVersion } from "./model.ts";
export type { IntentWarning, IntentWarningRule } from "./review/intent-warning.ts";
export { type ReviewOptions, reviewIntents } from "./review/review-intents.ts";
export { loadModel, serializeModel } from "./serialize.ts";
export { resolveLanguage, type SupportedLanguage, supportedLanguages } from "./text/languages.ts";
export { foldText, type NormalizedWord, normalizeText } from "./text/normalize.ts";
export { type TrainOptions, trainIntentModel } from "./train.ts";
export type { Classification, DetectedIntent, IntentCandidate, IntentDefinition } from "./types.ts";
