import type { IntentModel, StoredVector } from "../model.ts";
import { buildTypoIndex, type TypoIndex } from "./typo-correction.ts";

/**
 * Which stored vectors hold each feature, and with what weight, in one pair
 * of typed arrays (the entries of feature f are at offsets[f] to
 * offsets[f + 1]): a query only visits its own features, and thousands of
 * features cost three arrays rather than thousands of small ones.
 */
export interface Postings {
  offsets: Int32Array;
  vectors: Int32Array;
  weights: Float32Array;
}

/** Lookup structures derived from a model's plain data, built once per model object. */
export interface PreparedModel {
  featureIndex: ReadonlyMap<string, number>;
  phrasePostings: Postings;
  centroidPostings: Postings;
  phraseIntents: Int32Array;
  centroidIntents: Int32Array;
  typoIndex: TypoIndex;
  regressionOffsets: Int32Array;
  regressionIntents: Int32Array;
  regressionWeights: Float32Array;
  /** Whether each intent has phrases: intents with keywords only take no part in the regression's softmax. */
  trainedIntents: Uint8Array;
}

function buildPostings(vectors: readonly StoredVector[], featureCount: number): Postings {
  const counts = new Int32Array(featureCount + 1);
  for (const vector of vectors)
    for (const feature of vector.features) counts[feature + 1] = (counts[feature + 1] as number) + 1;
  const offsets = new Int32Array(featureCount + 1);
  for (let feature = 0; feature < featureCount; feature += 1) {
    offsets[feature + 1] = (offsets[feature] as number) + (counts[feature + 1] as number);
  }
  const total = offsets[featureCount] as number;
  const next = offsets.slice(0, featureCount);
  const postingVectors = new Int32Array(total);
  const weights = new Float32Array(total);
  vectors.forEach((vector, position) => {
    vector.features.forEach((feature, offset) => {
      const slot = next[feature] as number;
      next[feature] = slot + 1;
      postingVectors[slot] = position;
      weights[slot] = vector.weights[offset] ?? 0;
    });
  });
  return { offsets, vectors: postingVectors, weights };
}

// A WeakMap keeps detection pure from the caller's side: the same model object
// always gives the same answers, and its lookups go away with it.
const prepared = new WeakMap<IntentModel, PreparedModel>();

export function prepareModel(model: IntentModel): PreparedModel {
  const cached = prepared.get(model);
  if (cached) return cached;
  const result: PreparedModel = {
    featureIndex: new Map(model.features.map((feature, index) => [feature, index])),
    phrasePostings: buildPostings(model.phrases, model.features.length),
    centroidPostings: buildPostings(model.centroids, model.features.length),
    phraseIntents: Int32Array.from(model.phrases.map((vector) => vector.intent)),
    centroidIntents: Int32Array.from(model.centroids.map((vector) => vector.intent)),
    typoIndex: buildTypoIndex(model.words),
    regressionOffsets: Int32Array.from(model.regression.offsets),
    regressionIntents: Int32Array.from(model.regression.intents),
    regressionWeights: Float32Array.from(model.regression.weights),
    trainedIntents: Uint8Array.from(model.intents, (_intent, index) =>
      model.centroids.some((centroid) => centroid.intent === index) ? 1 : 0,
    ),
  };
  prepared.set(model, result);
  return result;
}
