import type { NormalizedWord } from "../text/normalize.ts";
import { englishConcepts } from "../text/synonyms.ts";
import type { ClassifierSettings } from "./settings.ts";

/**
 * Feature blocks, by the prefix of each feature name. Each block is
 * normalized on its own, so that a phrase's many character n-grams do not
 * drown its few words.
 */
export const featureBlocks = ["w", "b", "c", "s"] as const;

export type FeatureBlock = (typeof featureBlocks)[number];

export function blockOf(feature: string): FeatureBlock {
  return feature[0] as FeatureBlock;
}

export function blockWeight(block: FeatureBlock, settings: ClassifierSettings): number {
  if (block === "w") return settings.wordWeight;
  if (block === "b") return settings.bigramWeight;
  if (block === "c") return settings.characterWeight;
  return settings.synonymWeight;
}

function add(counts: Map<string, number>, feature: string, amount: number): void {
  counts.set(feature, (counts.get(feature) ?? 0) + amount);
}

/**
 * Counts the features of normalized words. Stems carry the meaning; pairs of
 * neighbouring stems carry a little word order ("out of" milk, "call me"
 * against "call my mother"); character n-grams catch typos and word forms
 * the stemmer misses; synonym groups let "misplaced my cell" meet "lost my
 * phone". Stop words count as words but not as character n-grams, which
 * would make every phrase with "the" look alike.
 */
export function countFeatures(
  words: readonly NormalizedWord[],
  settings: ClassifierSettings,
): Map<string, number> {
  const counts = new Map<string, number>();
  const kept = settings.stopWordsInPairs ? words : words.filter((word) => !word.stopWord);
  for (const word of words) {
    if (word.stopWord) {
      if (settings.stopWordWeight > 0) add(counts, `w:${word.stem}`, settings.stopWordWeight);
      continue;
    }
    add(counts, `w:${word.stem}`, 1);
    if (settings.characterWeight > 0 && !word.placeholder) {
      const padded = `#${word.word}#`;
      for (let size = settings.characterMinimum; size <= settings.characterMaximum; size += 1) {
        for (let start = 0; start + size <= padded.length; start += 1) {
          add(counts, `c:${padded.slice(start, start + size)}`, 1);
        }
      }
    }
  }
  if (settings.synonymWeight > 0) {
    for (const concept of englishConcepts(words)) add(counts, `s:${concept}`, 1);
  }
  if (settings.bigramWeight > 0) {
    for (let index = 1; index < kept.length; index += 1) {
      add(counts, `b:${kept[index - 1]?.stem} ${kept[index]?.stem}`, 1);
    }
  }
  return counts;
}
