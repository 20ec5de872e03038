import type { IntentModel, StoredVector } from "../model.ts";
import { describeWords, type NormalizedWord, splitWords } from "../text/normalize.ts";
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

interface TrainingDocument {
  intent: number;
  words: readonly NormalizedWord[];
  counts: Map<string, number>;
}

/**
 * Copies of each phrase of at least `settings.wordDropoutMinimum` words, one
 * per word that is not a stop word, with that word left out. They train the
 * regression only: with 10 phrases an intent's regression weights pile onto
 * its most frequent word, and a customer who does not use that word ("how
 * much is left on my gift card" against phrases that all say "balance")
 * finds the intent's other words weigh next to nothing. Without the word,
 * the other words must carry the phrase. The copies of a phrase weigh 1 in
 * all: counted in full, a long phrase's copies would make the regression
 * surer of everything, out-of-scope texts too. Features are kept to those of
 * the real phrases: a pair of words the gap brought together is not a phrase's.
 */
function phrasesWithoutAWord(
  documents: readonly TrainingDocument[],
  featureIndex: ReadonlyMap<string, number>,
  settings: ClassifierSettings,
): { intent: number; counts: Map<string, number>; weight: number }[] {
  const minimum = settings.wordDropoutMinimum;
  if (minimum <= 0) return [];
  const examples: { intent: number; counts: Map<string, number>; weight: number }[] = [];
  for (const document of documents) {
    if (document.words.length < minimum) continue;
    const copies: Map<string, number>[] = [];
    document.words.forEach((word, position) => {
      if (word.stopWord) return;
      const remaining = document.words.filter((_word, other) => other !== position);
      const counts = new Map<string, number>();
      for (const [feature, count] of countFeatures(remaining, settings)) {
        if (featureIndex.has(feature)) counts.set(feature, count);
      }
      if (counts.size > 0) copies.push(counts);
    });
    for (const counts of copies)
      examples.push({ intent: document.intent, counts, weight: 1 / copies.length });
  }
  return examples;
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
  const documents: TrainingDocument[] = [];
  phrasesByIntent.forEach((phrases, intent) => {
    for (const phrase of phrases) {
      const words = splitWords(phrase, phraseLanguage);
      for (const word of words) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
      const described = describeWords(words, phraseLanguage);
      const counts = countFeatures(described, settings);
      if (counts.size > 0) documents.push({ intent, words: described, counts });
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

  const weigh = (counts: ReadonlyMap<string, number>) =>
    weightFeatures(counts, featureIndex, inverseFrequency, unseenInverseFrequency, settings).vector;
  const regression = trainLogisticRegression(
    [
      ...vectors.map((entry) => ({ vector: entry.vector, label: entry.intent })),
      ...phrasesWithoutAWord(documents, featureIndex, settings).map((example) => ({
        vector: weigh(example.counts),
        label: example.intent,
        weight: example.weight,
      })),
    ],
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
