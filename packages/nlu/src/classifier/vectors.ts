import { blockOf, blockWeight, type FeatureBlock, featureBlocks } from "./features.ts";
import type { ClassifierSettings } from "./settings.ts";

/** A sparse vector: feature indexes in increasing order and their weights. */
export interface SparseVector {
  features: number[];
  weights: number[];
}

export interface WeightedQuery {
  vector: SparseVector;
  /** The sum of the weights of the blocks the text has, to bring similarities into [0, 1]. */
  blockWeightSum: number;
  /**
   * The share of the text's character n-gram weight (TF-IDF, squared) that
   * the training phrases have, between 0 and 1: near 1 for a paraphrase or a
   * typo, low for a text about something else.
   */
  knownShare: number;
}

/** Damped term frequency: a word said twice counts more than once, not twice as much. */
function damped(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

/**
 * TF-IDF weights, each block scaled to length sqrt(block weight), so the dot
 * product of two vectors is the weighted sum of their per-block cosines.
 * Features the model has never seen count in the norm: a text full of
 * unknown words is less similar to everything, which is what out-of-scope
 * detection relies on.
 */
export function weightFeatures(
  counts: ReadonlyMap<string, number>,
  featureIndex: ReadonlyMap<string, number>,
  inverseFrequency: readonly number[],
  unseenInverseFrequency: number,
  settings: ClassifierSettings,
): WeightedQuery {
  const squaredNorms = new Map<FeatureBlock, number>();
  const known: { index: number; weight: number; block: FeatureBlock }[] = [];
  let knownCharacterSquares = 0;
  for (const [feature, count] of counts) {
    const block = blockOf(feature);
    if (blockWeight(block, settings) <= 0) continue;
    const index = featureIndex.get(feature);
    const weight =
      damped(count) * (index === undefined ? unseenInverseFrequency : (inverseFrequency[index] ?? 0));
    squaredNorms.set(block, (squaredNorms.get(block) ?? 0) + weight * weight);
    if (index !== undefined) known.push({ index, weight, block });
    if (index !== undefined && block === "c") knownCharacterSquares += weight * weight;
  }
  const scale = new Map<FeatureBlock, number>();
  let blockWeightSum = 0;
  for (const block of featureBlocks) {
    const squared = squaredNorms.get(block) ?? 0;
    if (squared <= 0) continue;
    const weight = blockWeight(block, settings);
    blockWeightSum += weight;
    scale.set(block, Math.sqrt(weight / squared));
  }
  known.sort((left, right) => left.index - right.index);
  const characterSquares = squaredNorms.get("c") ?? 0;
  return {
    vector: {
      features: known.map((entry) => entry.index),
      weights: known.map((entry) => entry.weight * (scale.get(entry.block) ?? 0)),
    },
    blockWeightSum,
    knownShare: characterSquares > 0 ? knownCharacterSquares / characterSquares : 1,
  };
}

/** The mean of vectors, each block brought back to length sqrt(block weight). */
export function centroidOf(
  vectors: readonly SparseVector[],
  blockOfIndex: (index: number) => FeatureBlock,
  settings: ClassifierSettings,
): SparseVector {
  const sums = new Map<number, number>();
  for (const vector of vectors) {
    vector.features.forEach((index, position) => {
      sums.set(index, (sums.get(index) ?? 0) + (vector.weights[position] ?? 0));
    });
  }
  const squaredNorms = new Map<FeatureBlock, number>();
  for (const [index, sum] of sums) {
    const block = blockOfIndex(index);
    squaredNorms.set(block, (squaredNorms.get(block) ?? 0) + sum * sum);
  }
  const features = [...sums.keys()].sort((left, right) => left - right);
  return {
    features,
    weights: features.map((index) => {
      const block = blockOfIndex(index);
      const squared = squaredNorms.get(block) ?? 0;
      return squared > 0 ? (sums.get(index) ?? 0) * Math.sqrt(blockWeight(block, settings) / squared) : 0;
    }),
  };
}
