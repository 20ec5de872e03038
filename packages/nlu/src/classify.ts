import { calibrate } from "./classifier/calibration.ts";
import { scorePhrases } from "./classifier/score-phrases.ts";
import { languageBase, matchKeyword } from "./keywords/keyword-matcher.ts";
import { intentLimits } from "./limits.ts";
import type { IntentModel } from "./model.ts";
import { semanticSimilarities } from "./semantic-signal.ts";
import type { Classification, DetectedIntent, IntentCandidate } from "./types.ts";

export interface ClassifyOptions {
  /** The text's vector from the same outside encoder the model was trained with, if any. */
  textVector?: readonly number[];
}

const candidateCount = 5;

const nothing = (truncated: boolean): Classification => ({ detected: null, truncated, candidates: [] });

/**
 * Phrases are English (spec 18), so they are matched for English text and
 * for text whose language is not known; other languages use keywords only
 * rather than risk an English guess on, say, Spanish words.
 */
function phrasesApply(language: unknown): boolean {
  const base = languageBase(language);
  return base === "" || base === "en";
}

function phraseScores(model: IntentModel, text: string, options: ClassifyOptions): Float64Array {
  const { scores } = scorePhrases(model, text);
  if (!model.semantic || !options.textVector) return scores;
  const semantic = semanticSimilarities(model.semantic, options.textVector, model.intents.length);
  if (!semantic) return scores;
  const weight = model.settings.semanticWeight;
  return scores.map((score, intent) => (1 - weight) * score + weight * (semantic[intent] as number));
}

/**
 * Detects the intent of a customer's text: a keyword first (it always wins,
 * spec 18), then the phrase classifier, whose calibrated confidence must
 * reach the model's threshold. Text that is not a string, empty or without
 * words detects nothing; text longer than `intentLimits.maxTextLength`
 * characters is cut to that length and reported as truncated. Never throws
 * on customer input.
 */
export function classify(
  model: IntentModel,
  text: unknown,
  language?: unknown,
  options: ClassifyOptions = {},
): Classification {
  if (typeof text !== "string") return nothing(false);
  const truncated = text.length > intentLimits.maxTextLength;
  const kept = truncated ? text.slice(0, intentLimits.maxTextLength) : text;
  if (kept.trim() === "") return nothing(truncated);

  const keyword = matchKeyword(model, kept, language);
  const keywordIntent = keyword ? model.intents[keyword.intent] : undefined;
  const detectedByKeyword: DetectedIntent | null = keywordIntent
    ? { intent: keywordIntent.name, score: 1, reason: "keyword" }
    : null;
  if (!phrasesApply(language)) return { detected: detectedByKeyword, truncated, candidates: [] };

  const scores = phraseScores(model, kept, options);
  const candidates: IntentCandidate[] = [];
  scores.forEach((score, intent) => {
    const name = model.intents[intent]?.name;
    if (score > 0 && name !== undefined)
      candidates.push({ intent: name, score: calibrate(score, model.settings) });
  });
  candidates.sort((left, right) => right.score - left.score);
  candidates.length = Math.min(candidates.length, candidateCount);

  const best = candidates[0];
  const detectedByPhrases: DetectedIntent | null =
    best && best.score >= model.settings.threshold
      ? { intent: best.intent, score: best.score, reason: "phrases" }
      : null;
  return { detected: detectedByKeyword ?? detectedByPhrases, truncated, candidates };
}

/** The engine's `detectIntent`: the detected intent or null, as `classify` finds it. */
export function detectIntent(model: IntentModel, text: unknown, language?: unknown): DetectedIntent | null {
  return classify(model, text, language).detected;
}

/** A `detectIntent` bound to one model, as the engine's environment takes it. */
export function createIntentDetector(
  model: IntentModel,
): (text: string, language: string) => DetectedIntent | null {
  return (text, language) => detectIntent(model, text, language);
}
