import type { ClassifierSettings } from "./settings.ts";

/**
 * Maps a raw phrase score (similarity and regression blended) to a
 * confidence that reads as the chance the intent is right. The points are
 * an isotonic fit on CLINC150's validation split (5 and 10 phrases per
 * intent, 5 draws each; `npm run bench:intents -- --split val` shows the
 * figures): of the texts scoring about 0.16, 56% had the right intent.
 * Between points the confidence is interpolated, from 0 at a score of 0.
 */
export function calibrate(score: number, settings: ClassifierSettings): number {
  if (!(score > 0)) return 0;
  let previousScore = 0;
  let previousConfidence = 0;
  for (const [pointScore, pointConfidence] of settings.calibration) {
    if (score <= pointScore) {
      const share = (score - previousScore) / (pointScore - previousScore || 1);
      return round(previousConfidence + share * (pointConfidence - previousConfidence));
    }
    previousScore = pointScore;
    previousConfidence = pointConfidence;
  }
  return round(previousConfidence);
}

function round(confidence: number): number {
  return Math.round(confidence * 10000) / 10000;
}

/** The raw score that leaves about 60% of out-of-scope texts undetected with 10 phrases per intent. */
const scoreThresholdAtTenPhrases = 0.105;
/** How that score grows with phrases per intent: 0.079 at 5, 0.13 at 20, 0.20 at 50 on CLINC150's validation split. */
const thresholdGrowth = 0.42;

/**
 * The default detection threshold, as a confidence, for a model whose intents
 * have `phrasesPerIntent` phrases (the median). More phrases give out-of-scope
 * texts closer neighbours and the regression more certainty, so the score an
 * unrelated text reaches grows with them; a fixed threshold would let most
 * of them through a model trained on 50 phrases per intent.
 */
export function defaultThreshold(phrasesPerIntent: number, settings: ClassifierSettings): number {
  const phrases = phrasesPerIntent > 0 ? phrasesPerIntent : 10;
  return calibrate(scoreThresholdAtTenPhrases * (phrases / 10) ** thresholdGrowth, settings);
}
