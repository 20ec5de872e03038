import type { QuestionFigures } from "../types.ts";
import type { QueryWord } from "./rank-articles.ts";
import type { SearchSettings } from "./search-settings.ts";

export function questionFigures(words: readonly QueryWord[]): QuestionFigures {
  const informative = words.filter((word) => word.informative);
  if (informative.length === 0) return { knownWords: 0, knownRarity: 0, length: 0 };
  const known = informative.filter((word) => word.expansions.length > 0);
  const rarity = (list: readonly QueryWord[]) => list.reduce((sum, word) => sum + word.rarity, 0);
  const total = rarity(informative);
  return {
    knownWords: known.length / informative.length,
    knownRarity: total > 0 ? rarity(known) / total : 0,
    length: Math.min(informative.length, 8) / 8,
  };
}

/**
 * The chance that an article answers the question, from how much of the
 * question it covers and how much of the question the knowledge base knows
 * at all: "how many countries are in africa" shares "countries" with a
 * COVID-19 FAQ, but no article knows "africa".
 */
export function relevanceOf(coverage: number, question: QuestionFigures, settings: SearchSettings): number {
  const logit =
    settings.relevanceBias +
    settings.coverageWeight * coverage +
    settings.knownRarityWeight * question.knownRarity +
    settings.knownWordWeight * question.knownWords +
    settings.questionLengthWeight * question.length;
  return 1 / (1 + Math.exp(-logit));
}
