import type { ClassifierSettings } from "./settings.ts";

/**
 * Maps a raw phrase score (similarity and regression blended) to a
 * confidence that reads as the chance the intent is right. The points are
 * an isotonic fit on CLINC150's validation split (val and oos_val, 5 and 10
 * phrases per intent, 5 draws each; `npm run bench:intents -- --split val`
 * shows the figures): whether each text's best intent was right, fitted as a
 * non-decreasing function of its best score (pool adjacent violators), then
 * summed up as the mean score and mean fitted confidence in twelve bins of
 * equal score width, with [1, 0.999] at the end. Of the texts scoring about
 * 0.21, 60% had the right intent. Between points the confidence is
 * interpolated, from 0 at a score of 0.
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
const scoreThresholdAtTenPhrases = 0.13;
/**
 * How that score grows with phrases per intent. On CLINC150's validation
 * split it is 0.101 at 5 phrases (0.097 by this growth), 0.158 at 20 and
 * 0.184 at 50 (0.174 and 0.256 by this growth). Beyond 10 phrases the growth
 * is kept steeper than CLINC150 asks, so that a model with many phrases (the
 * predefined intents have 48 each) errs towards detecting nothing: their
 * out-of-scope messages are support questions, much closer to the intents
 * than CLINC150's.
 */
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
