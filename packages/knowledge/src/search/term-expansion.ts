import type { LanguagePartition } from "./language-partition.ts";
import type { SearchSettings } from "./search-settings.ts";

/** A stored stem that stands for a word of the question, and how much a match on it counts. */
export interface Expansion {
  term: string;
  weight: number;
}

/** The first index of a sorted list whose entry is not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The stems a question's stem matches: itself, longer stems it begins
 * ("covid" finds "covid19"), and, only when the partition does not know it,
 * stems a typo or two away ("shiping"). Typos are never looked for on known
 * words, or "cost" would find "post".
 */
export function expand(partition: LanguagePartition, stem: string, settings: SearchSettings): Expansion[] {
  const expansions: Expansion[] = [];
  const known = partition.articleFrequency.has(stem);
  if (known) expansions.push({ term: stem, weight: 1 });
  const vocabulary = partition.vocabulary();
  if (stem.length >= settings.prefixMinimumLength) {
    let added = 0;
    for (let index = lowerBound(vocabulary, stem); index < vocabulary.length; index += 1) {
      const term = vocabulary[index] as string;
      if (!term.startsWith(stem)) break;
      if (term === stem) continue;
      expansions.push({ term, weight: settings.prefixWeight });
      added += 1;
      if (added >= settings.prefixExpansionLimit) break;
    }
  }
  if (!known && stem.length >= settings.typoMinimumLength && !/\d/.test(stem)) {
    const limit = stem.length >= settings.twoTyposMinimumLength ? 2 : 1;
    for (const term of partition.typos(stem, limit)) {
      if (!term.startsWith(stem)) expansions.push({ term, weight: settings.typoWeight });
    }
  }
  return expansions;
}
