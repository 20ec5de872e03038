import type { ClassifierSettings } from "./classifier/settings.ts";
import type { StoredSemanticSignal } from "./semantic-signal.ts";

export const modelFormat = "parley.intent-model";
export const modelVersion = 1;

/** A training phrase or an intent centroid as a sparse TF-IDF vector. */
export interface StoredVector {
  /** Position of the intent in `IntentModel.intents`. */
  intent: number;
  /** Indexes into `IntentModel.features`, increasing. */
  features: number[];
  weights: number[];
}

export interface StoredIntent {
  name: string;
  /** Keywords by language, in their original spelling. */
  keywords: Record<string, string[]>;
}

/**
 * Multinomial logistic regression weights, stored by feature: the weights of
 * feature f are at positions offsets[f] to offsets[f + 1] of `intents` and
 * `weights`. Weights too small to change a decision are left out.
 */
export interface StoredRegression {
  offsets: number[];
  intents: number[];
  weights: number[];
  biases: number[];
}

/**
 * A trained model: plain JSON data, so the server can store it as it is and
 * load it on any node. Nothing in it is a class instance or a Map.
 */
export interface IntentModel {
  format: typeof modelFormat;
  version: typeof modelVersion;
  settings: ClassifierSettings;
  intents: StoredIntent[];
  /** Feature names, such as "w:cancel" (a stem), "b:cancel order" (a pair) or "c:#can" (a character n-gram). */
  features: string[];
  inverseFrequency: number[];
  /** The inverse frequency of a feature no training phrase has. */
  unseenInverseFrequency: number;
  phrases: StoredVector[];
  centroids: StoredVector[];
  regression: StoredRegression;
  /** The words of the training phrases, which unknown words are corrected to. */
  words: string[];
  /** Present only when the caller trained with vectors from an outside encoder. */
  semantic?: StoredSemanticSignal;
}
