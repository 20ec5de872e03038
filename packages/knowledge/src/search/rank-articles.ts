import type { Token } from "../text/analyzer.ts";
import type { LanguagePartition } from "./language-partition.ts";
import { pairsOf } from "./language-partition.ts";
import type { SearchSettings } from "./search-settings.ts";
import { type Expansion, expand } from "./term-expansion.ts";

/** A word of the question with the stems it matches and how rare it is. */
export interface QueryWord {
  token: Token;
  expansions: Expansion[];
  /** The inverse article frequency of the word, or of an unknown word: the highest there is. */
  rarity: number;
  /** Whether the word decides relevance: not a stop word, unless the question has only those. */
  informative: boolean;
}

export interface RankedArticle {
  slot: number;
  score: number;
  /** The rarity-weighted share of the question's informative words the article has. */
  coverage: number;
}

/** BM25's inverse document frequency, never negative. */
function rarityOf(partition: LanguagePartition, frequency: number): number {
  return Math.log(1 + (partition.size - frequency + 0.5) / (frequency + 0.5));
}

export function queryWords(
  partition: LanguagePartition,
  tokens: readonly Token[],
  settings: SearchSettings,
): QueryWord[] {
  const seen = new Set<string>();
  const distinct = tokens.filter((token) => !seen.has(token.stem) && seen.add(token.stem));
  const onlyStopWords = distinct.every((token) => token.stopWord);
  return distinct.map((token) => {
    const expansions = expand(partition, token.stem, settings);
    const frequency = Math.max(0, ...expansions.map(({ term }) => partition.articleFrequency.get(term) ?? 0));
    return {
      token,
      expansions,
      rarity: rarityOf(partition, frequency),
      informative: onlyStopWords || !token.stopWord,
    };
  });
}

function fieldScore(
  termFrequency: number,
  length: number,
  averageLength: number,
  settings: SearchSettings,
): number {
  const normalized =
    1 - settings.lengthNormalization + settings.lengthNormalization * (length / (averageLength || 1));
  return (termFrequency * (settings.saturation + 1)) / (termFrequency + settings.saturation * normalized);
}

/**
 * Scores every article of the partition that shares a word with the
 * question: BM25 over the title (weighted up, stop words included) and the
 * body (stop words left out), plus the question's word pairs found in
 * titles. Coverage is the rarity-weighted share of the question's
 * informative words the article holds, which unlike the score can be
 * compared from one question to the next.
 */
export function rankArticles(
  partition: LanguagePartition,
  tokens: readonly Token[],
  words: readonly QueryWord[],
  settings: SearchSettings,
): RankedArticle[] {
  const capacity = partition.slots.length;
  const scores = new Float64Array(capacity);
  const matched = new Float64Array(capacity);
  const wordMatch = new Float64Array(capacity);
  const touched = new Uint8Array(capacity);
  let informativeRarity = 0;
  for (const word of words) {
    wordMatch.fill(0);
    for (const { term, weight } of word.expansions) {
      const rarity = rarityOf(partition, partition.articleFrequency.get(term) ?? 0);
      const titleWeight = settings.titleWeight * (word.token.stopWord ? settings.titleStopWordWeight : 1);
      const titleList = partition.title.get(term);
      if (titleList) {
        for (let position = 0; position < titleList.size; position += 1) {
          const slot = titleList.slotAt(position);
          const indexed = partition.slots[slot];
          if (!indexed) continue;
          const frequency = titleList.countAt(position);
          const field = fieldScore(frequency, indexed.titleLength, partition.averageTitleLength, settings);
          scores[slot] = (scores[slot] as number) + weight * titleWeight * rarity * field;
          wordMatch[slot] = Math.max(wordMatch[slot] as number, weight);
          touched[slot] = 1;
        }
      }
      const bodyWeight = word.token.stopWord ? settings.bodyStopWordWeight : 1;
      const bodyList = partition.body.get(term);
      if (bodyList && bodyWeight > 0) {
        for (let position = 0; position < bodyList.size; position += 1) {
          const slot = bodyList.slotAt(position);
          const indexed = partition.slots[slot];
          if (!indexed) continue;
          const frequency = bodyList.countAt(position);
          const field = fieldScore(frequency, indexed.bodyLength, partition.averageBodyLength, settings);
          scores[slot] = (scores[slot] as number) + weight * bodyWeight * rarity * field;
          touched[slot] = 1;
        }
      }
      if (bodyList) {
        for (let position = 0; position < bodyList.size; position += 1) {
          const slot = bodyList.slotAt(position);
          wordMatch[slot] = Math.max(wordMatch[slot] as number, weight);
        }
      }
    }
    if (!word.informative) continue;
    informativeRarity += word.rarity;
    for (let slot = 0; slot < capacity; slot += 1) {
      if (wordMatch[slot])
        matched[slot] = (matched[slot] as number) + word.rarity * (wordMatch[slot] as number);
    }
  }
  const pairs = pairsOf(tokens);
  for (const pair of new Set(pairs)) {
    const list = partition.titlePairs.get(pair);
    if (!list) continue;
    const rarity = Math.log(1 + (partition.size - list.size + 0.5) / (list.size + 0.5));
    for (let position = 0; position < list.size; position += 1) {
      const slot = list.slotAt(position);
      const indexed = partition.slots[slot];
      if (!indexed) continue;
      const field = fieldScore(
        list.countAt(position),
        indexed.titleLength,
        partition.averageTitleLength,
        settings,
      );
      scores[slot] = (scores[slot] as number) + settings.titlePairWeight * rarity * field;
      touched[slot] = 1;
    }
  }
  const ranked: RankedArticle[] = [];
  for (let slot = 0; slot < capacity; slot += 1) {
    if (!touched[slot] || !partition.slots[slot]) continue;
    const coverage = informativeRarity > 0 ? Math.min(1, (matched[slot] as number) / informativeRarity) : 0;
    ranked.push({ slot, score: scores[slot] as number, coverage });
  }
  return ranked.sort((left, right) => right.score - left.score);
}
