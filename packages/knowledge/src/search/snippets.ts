import type { Passage } from "../types.ts";
import type { IndexedArticle, LanguagePartition } from "./language-partition.ts";
import type { QueryWord } from "./rank-articles.ts";

/**
 * The article's passages that share the most with the question, best
 * first: each matched word counts its rarity once per passage, so a passage
 * naming the rare word of the question beats one repeating a common one.
 */
export function bestPassages(
  partition: LanguagePartition,
  indexed: IndexedArticle,
  words: readonly QueryWord[],
  limit: number,
): Passage[] {
  const weights = new Map<string, number>();
  for (const word of words) {
    if (!word.informative) continue;
    for (const { term, weight } of word.expansions) {
      weights.set(term, Math.max(weights.get(term) ?? 0, word.rarity * weight));
    }
  }
  const { passages, passageStems } = partition.passagesOf(indexed);
  const scored = passageStems.map((stems, index) => {
    let score = 0;
    for (const stem of new Set(stems)) score += weights.get(stem) ?? 0;
    return { index, score };
  });
  // Ties go to the earlier passage: articles tend to answer first and explain after.
  scored.sort((left, right) => right.score - left.score || left.index - right.index);
  return scored.slice(0, limit).map(({ index }) => ({
    articleId: indexed.article.id,
    index,
    text: passages[index] as string,
  }));
}

/** A passage shortened to about `length` characters at a word boundary, on one line. */
export function snippetOf(passage: string, length: number): string {
  const flat = passage.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}
