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
  /**
   * The regression also trains on copies of each phrase of at least this
   * many words (stop words count), each with one word that is not a stop
   * word left out, the copies of a phrase weighing as much as the phrase
   * together: it then learns from all of an intent's words, not only its
   * most frequent one (0: no copies). See train-classifier.ts.
   */
  wordDropoutMinimum: number;
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
  characterWeight: 0.7,
  synonymWeight: 0.8,
  characterMinimum: 3,
  characterMaximum: 5,
  stopWordWeight: 1,
  stopWordsInPairs: true,
  nearestWeight: 0.5,
  nearestCount: 1,
  regressionWeight: 0.75,
  regressionEpochs: 10,
  wordDropoutMinimum: 6,
  regressionLearningRate: 1,
  regressionRegularization: 0,
  regressionPruning: 0.05,
  coverageExponent: 1,
  semanticWeight: 0.5,
  nameAsPhrase: true,
  typoMinimumLength: 5,
  calibration: [
    [0.054, 0.157],
    [0.128, 0.463],
    [0.208, 0.599],
    [0.292, 0.718],
    [0.375, 0.781],
    [0.459, 0.831],
    [0.541, 0.884],
    [0.625, 0.92],
    [0.708, 0.941],
    [0.794, 0.961],
    [0.878, 0.99],
    [0.933, 0.999],
    [1, 0.999],
  ],
  threshold: 0.47,
};
