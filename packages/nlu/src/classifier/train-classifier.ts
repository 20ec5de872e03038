import type { IntentModel, StoredVector } from "../model.ts";
import { describeWords, splitWords } from "../text/normalize.ts";
import { blockOf, countFeatures } from "./features.ts";
import { trainLogisticRegression } from "./logistic-regression.ts";
import type { ClassifierSettings } from "./settings.ts";
import { storeRegression } from "./stored-regression.ts";
import { centroidOf, type SparseVector, weightFeatures } from "./vectors.ts";

/** The language of training phrases: spec 18 trains phrases in English only. */
export const phraseLanguage = "en";

export type TrainedClassifier = Pick<
  IntentModel,
  | "features"
  | "inverseFrequency"
  | "unseenInverseFrequency"
  | "phrases"
  | "centroids"
  | "regression"
  | "words"
>;

/** "cancel_order", "CancelOrder" and "Cancel order" all read as the phrase "cancel order". */
export function nameAsPhrase(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_\-./]+/g, " ");
}

function roundWeight(weight: number): number {
  return Math.round(weight * 10000) / 10000;
}

/**
 * TF-IDF vectors of every training phrase and the centroid of each intent.
 * `phrasesByIntent[i]` are the phrases of intent i; an intent without
 * phrases gets no vectors (keywords alone can still detect it).
 */
export function trainPhraseClassifier(
  phrasesByIntent: readonly (readonly string[])[],
  settings: ClassifierSettings,
): TrainedClassifier {
  const wordCounts = new Map<string, number>();
  const documents: { intent: number; counts: Map<string, number> }[] = [];
  phrasesByIntent.forEach((phrases, intent) => {
    for (const phrase of phrases) {
      const words = splitWords(phrase, phraseLanguage);
      for (const word of words) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
      const counts = countFeatures(describeWords(words, phraseLanguage), settings);
      if (counts.size > 0) documents.push({ intent, counts });
    }
  });

  const featureIndex = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const document of documents) {
    for (const feature of document.counts.keys()) {
      let index = featureIndex.get(feature);
      if (index === undefined) {
        index = featureIndex.size;
        featureIndex.set(feature, index);
        documentFrequency.push(0);
      }
      documentFrequency[index] = (documentFrequency[index] ?? 0) + 1;
    }
  }
  const total = documents.length;
  // Smoothed so that a feature in every phrase still weighs a little, and an unseen one weighs the most.
  const inverseFrequency = documentFrequency.map((frequency) => Math.log((total + 1) / (frequency + 1)) + 1);
  const unseenInverseFrequency = Math.log(total + 1) + 1;
  const features = [...featureIndex.keys()];

  const vectors = documents.map((document) => ({
    intent: document.intent,
    vector: weightFeatures(document.counts, featureIndex, inverseFrequency, unseenInverseFrequency, settings)
      .vector,
  }));
  const centroids: StoredVector[] = [];
  phrasesByIntent.forEach((_phrases, intent) => {
    const members: SparseVector[] = vectors
      .filter((entry) => entry.intent === intent)
      .map((entry) => entry.vector);
    if (members.length === 0) return;
    const centroid = centroidOf(members, (index) => blockOf(features[index] ?? "w"), settings);
    centroids.push({ intent, features: centroid.features, weights: centroid.weights.map(roundWeight) });
  });

  const regression = trainLogisticRegression(
    vectors.map((entry) => ({ vector: entry.vector, label: entry.intent })),
    phrasesByIntent.length,
    features.length,
    {
      epochs: settings.regressionEpochs,
      learningRate: settings.regressionLearningRate,
      regularization: settings.regressionRegularization,
      seed: 1,
    },
  );

  return {
    features,
    inverseFrequency: inverseFrequency.map(roundWeight),
    unseenInverseFrequency: roundWeight(unseenInverseFrequency),
    phrases: vectors.map((entry) => ({
      intent: entry.intent,
      features: entry.vector.features,
      weights: entry.vector.weights.map(roundWeight),
    })),
    centroids,
    regression: storeRegression(regression, settings.regressionPruning),
    words: [...wordCounts.keys()].filter((word) => !word.startsWith("<")).sort(),
  };
}
