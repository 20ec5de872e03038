import type { IntentModel } from "../model.ts";
import { describeWords, splitWords } from "../text/normalize.ts";
import { countFeatures } from "./features.ts";
import { type Postings, type PreparedModel, prepareModel } from "./prepared-model.ts";
import { phraseLanguage } from "./train-classifier.ts";
import { correctWord } from "./typo-correction.ts";
import { type SparseVector, type WeightedQuery, weightFeatures } from "./vectors.ts";

export interface PhraseScores {
  /** What detection uses: similarity and regression blended, between 0 and 1, per intent. */
  scores: Float64Array;
  /** Similarity to the intent's nearest phrases and centroid, between 0 and 1. */
  similarities: Float64Array;
  /** The regression's probabilities over the intents that have phrases. */
  probabilities: Float64Array;
}

export function vectorizeText(model: IntentModel, text: string): WeightedQuery | null {
  const settings = model.settings;
  const prepared = prepareModel(model);
  let words = splitWords(text, phraseLanguage);
  if (settings.typoMinimumLength > 0) {
    words = words.map((word) => correctWord(word, prepared.typoIndex, settings.typoMinimumLength));
  }
  const counts = countFeatures(describeWords(words, phraseLanguage), settings);
  if (counts.size === 0) return null;
  const query = weightFeatures(
    counts,
    prepared.featureIndex,
    model.inverseFrequency,
    model.unseenInverseFrequency,
    settings,
  );
  return query.blockWeightSum > 0 ? query : null;
}

function dotProducts(query: SparseVector, postings: Postings, size: number): Float64Array {
  const sums = new Float64Array(size);
  query.features.forEach((feature, position) => {
    const weight = query.weights[position] ?? 0;
    const end = postings.offsets[feature + 1] as number;
    for (let offset = postings.offsets[feature] as number; offset < end; offset += 1) {
      const vector = postings.vectors[offset] as number;
      sums[vector] = (sums[vector] as number) + weight * (postings.weights[offset] as number);
    }
  });
  return sums;
}

/** Per intent, the mean similarity of its `count` nearest phrases (the nearest alone, by default, without sorting). */
function nearestSimilarities(
  phraseSums: Float64Array,
  phraseIntents: Int32Array,
  intentCount: number,
  count: number,
): Float64Array {
  const result = new Float64Array(intentCount).fill(Number.NEGATIVE_INFINITY);
  if (count <= 1) {
    phraseSums.forEach((similarity, phrase) => {
      const intent = phraseIntents[phrase] as number;
      if (similarity > (result[intent] as number)) result[intent] = similarity;
    });
    return result.map((value) => (Number.isFinite(value) ? value : 0));
  }
  const lists: number[][] = Array.from({ length: intentCount }, () => []);
  phraseSums.forEach((similarity, phrase) => {
    (lists[phraseIntents[phrase] as number] as number[]).push(similarity);
  });
  return Float64Array.from(lists, (list) => {
    const top = list.sort((left, right) => right - left).slice(0, count);
    return top.length === 0 ? 0 : top.reduce((sum, value) => sum + value, 0) / top.length;
  });
}

/**
 * Similarity to each intent: a blend of its nearest training phrases and of
 * its centroid. The nearest phrase rewards a close paraphrase of one example;
 * the centroid rewards words spread over several examples.
 */
function similarities(model: IntentModel, prepared: PreparedModel, query: WeightedQuery): Float64Array {
  const settings = model.settings;
  const scores = new Float64Array(model.intents.length);
  const phraseSums = dotProducts(query.vector, prepared.phrasePostings, model.phrases.length);
  const nearest = nearestSimilarities(
    phraseSums,
    prepared.phraseIntents,
    scores.length,
    settings.nearestCount,
  );
  const centroidSums = dotProducts(query.vector, prepared.centroidPostings, model.centroids.length);
  const centroidByIntent = new Float64Array(model.intents.length);
  centroidSums.forEach((similarity, centroid) => {
    centroidByIntent[prepared.centroidIntents[centroid] as number] = similarity;
  });
  for (let intent = 0; intent < scores.length; intent += 1) {
    if (!prepared.trainedIntents[intent]) continue;
    const blended =
      settings.nearestWeight * (nearest[intent] as number) +
      (1 - settings.nearestWeight) * (centroidByIntent[intent] as number);
    scores[intent] = Math.min(1, Math.max(0, blended / query.blockWeightSum));
  }
  return scores;
}

/**
 * The regression's softmax over the intents that have phrases. It learns
 * which words separate intents that share others ("credit score" against
 * "improve my credit score"), which similarity alone cannot.
 */
function probabilities(model: IntentModel, prepared: PreparedModel, query: WeightedQuery): Float64Array {
  const offsets = prepared.regressionOffsets;
  const logits = Float64Array.from(model.regression.biases);
  query.vector.features.forEach((feature, position) => {
    const value = query.vector.weights[position] ?? 0;
    const end = offsets[feature + 1] as number;
    for (let offset = offsets[feature] as number; offset < end; offset += 1) {
      const intent = prepared.regressionIntents[offset] as number;
      logits[intent] = (logits[intent] as number) + value * (prepared.regressionWeights[offset] as number);
    }
  });
  let maximum = Number.NEGATIVE_INFINITY;
  logits.forEach((logit, intent) => {
    if (prepared.trainedIntents[intent]) maximum = Math.max(maximum, logit);
  });
  const result = new Float64Array(model.intents.length);
  let sum = 0;
  logits.forEach((logit, intent) => {
    if (!prepared.trainedIntents[intent]) return;
    const exponential = Math.exp(logit - maximum);
    result[intent] = exponential;
    sum += exponential;
  });
  if (sum > 0)
    for (let intent = 0; intent < result.length; intent += 1)
      result[intent] = (result[intent] as number) / sum;
  return result;
}

/** Scores a text against every intent; all zeros when the text has nothing the classifier can read. */
export function scorePhrases(model: IntentModel, text: string): PhraseScores {
  const size = model.intents.length;
  const query = vectorizeText(model, text);
  if (!query || model.phrases.length === 0) {
    return {
      scores: new Float64Array(size),
      similarities: new Float64Array(size),
      probabilities: new Float64Array(size),
    };
  }
  const prepared = prepareModel(model);
  const similarity = similarities(model, prepared, query);
  const probability = probabilities(model, prepared, query);
  const weight = model.settings.regressionWeight;
  // A softmax shares out all its probability even over a handful of intents, so
  // with 8 intents an unrelated text still gets 0.3; scaling by what the model
  // knows of the text keeps that from passing for confidence. Similarity needs
  // no such help: unknown features already count in its norm.
  const coverage = query.knownShare ** model.settings.coverageExponent;
  const scores = similarity.map(
    (value, intent) => weight * (probability[intent] as number) * coverage + (1 - weight) * value,
  );
  return { scores, similarities: similarity, probabilities: probability };
}
