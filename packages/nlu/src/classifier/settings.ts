/**
 * The knobs of the phrase classifier. They are stored in the trained model so
 * that a model scores the same way after it is saved and loaded, even if the
 * defaults change in a later version.
 */
export interface ClassifierSettings {
  /** Weight of each feature block in the similarity (they need not sum to 1). */
  wordWeight: number;
  bigramWeight: number;
  characterWeight: number;
  synonymWeight: number;
  /** Character n-gram lengths, within word boundaries. */
  characterMinimum: number;
  characterMaximum: number;
  /** Stop words still count as words, at this fraction of a word (0 leaves them out). */
  stopWordWeight: number;
  /** Whether pairs of neighbouring words include stop words ("out of", "call me"). */
  stopWordsInPairs: boolean;
  /** How much of an intent's score comes from its nearest phrases rather than from its centroid. */
  nearestWeight: number;
  /** The nearest phrases averaged for the nearest-phrase similarity. */
  nearestCount: number;
  /** How much of an intent's score comes from the logistic regression rather than from similarity. */
  regressionWeight: number;
  regressionEpochs: number;
  regressionLearningRate: number;
  regressionRegularization: number;
  /** The regression's probability is scaled by the known share of the text's n-grams to this power (0: not). */
  coverageExponent: number;
  /** Regression weights closer to 0 than this are not stored. */
  regressionPruning: number;
  /** With an outside encoder's vectors (optional), how much of the score comes from them. */
  semanticWeight: number;
  /** Train on the intent's name as one more phrase ("cancel_order" reads as "cancel order"). */
  nameAsPhrase: boolean;
  /** Unknown words of at least this many letters are corrected to a known word one edit away (0: never). */
  typoMinimumLength: number;
  /**
   * Calibration: [raw score, confidence] points, increasing, between which
   * confidence is interpolated (from [0, 0]). See calibration.ts.
   */
  calibration: [score: number, confidence: number][];
  /**
   * Below this calibrated confidence the text is out of scope: no intent.
   * Unless given, training sets it from the phrases per intent (calibration.ts).
   */
  threshold: number;
}

export const defaultClassifierSettings: ClassifierSettings = {
  wordWeight: 1,
  bigramWeight: 1,
  characterWeight: 1,
  synonymWeight: 0.6,
  characterMinimum: 3,
  characterMaximum: 5,
  stopWordWeight: 1,
  stopWordsInPairs: true,
  nearestWeight: 0.5,
  nearestCount: 1,
  regressionWeight: 0.75,
  regressionEpochs: 10,
  regressionLearningRate: 1,
  regressionRegularization: 0,
  regressionPruning: 0.05,
  coverageExponent: 1,
  semanticWeight: 0.5,
  nameAsPhrase: true,
  typoMinimumLength: 5,
  calibration: [
    [0.078, 0.316],
    [0.159, 0.557],
    [0.243, 0.694],
    [0.33, 0.767],
    [0.416, 0.825],
    [0.498, 0.869],
    [0.577, 0.903],
    [0.66, 0.938],
    [0.742, 0.945],
    [0.814, 0.969],
    [0.868, 0.987],
    [0.915, 0.998],
    [1, 0.999],
  ],
  threshold: 0.4,
};
