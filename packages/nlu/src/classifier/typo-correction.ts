import { isListedEnglishWord } from "../text/synonyms.ts";

/**
 * Corrects a word the model has never seen to a known word one edit away
 * (a letter missing, extra, wrong or two letters swapped): "cancle" becomes
 * "cancel" before stemming, so a typo costs nothing instead of a whole word.
 * Short words are left alone, because most short words are one edit away
 * from another real word.
 */

/** Known words shorter than this are not correction targets. */
const shortestTarget = 3;

export interface TypoIndex {
  known: ReadonlySet<string>;
  /** Each known word and each of its one-letter deletions, to the known words they come from. */
  byDeletion: ReadonlyMap<string, readonly string[]>;
}

function deletions(word: string): string[] {
  const result: string[] = [];
  for (let index = 0; index < word.length; index += 1)
    result.push(word.slice(0, index) + word.slice(index + 1));
  return result;
}

export function buildTypoIndex(words: readonly string[]): TypoIndex {
  const byDeletion = new Map<string, string[]>();
  const remember = (key: string, word: string) => {
    const list = byDeletion.get(key);
    if (!list) byDeletion.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  };
  for (const word of words) {
    if (word.length < shortestTarget) continue;
    remember(word, word);
    for (const deleted of deletions(word)) remember(deleted, word);
  }
  return { known: new Set(words), byDeletion };
}

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  const previousRow: number[] = [];
  let earlierRow: number[] = [];
  let row: number[] = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let leftIndex = 1; leftIndex <= left.length; leftIndex += 1) {
    previousRow.length = 0;
    previousRow.push(...row);
    const current = [leftIndex];
    let rowMinimum = leftIndex;
    for (let rightIndex = 1; rightIndex <= right.length; rightIndex += 1) {
      const cost = left[leftIndex - 1] === right[rightIndex - 1] ? 0 : 1;
      let value = Math.min(
        (previousRow[rightIndex] ?? 0) + 1,
        (current[rightIndex - 1] ?? 0) + 1,
        (previousRow[rightIndex - 1] ?? 0) + cost,
      );
      if (
        leftIndex > 1 &&
        rightIndex > 1 &&
        left[leftIndex - 1] === right[rightIndex - 2] &&
        left[leftIndex - 2] === right[rightIndex - 1]
      ) {
        value = Math.min(value, (earlierRow[rightIndex - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    earlierRow = [...previousRow];
    row = current;
  }
  return row[right.length] ?? limit + 1;
}

/**
 * The known word closest to `word` within one edit, or `word` itself; ties
 * go to the alphabetically first. Words shorter than `minimumLength` stay.
 */
export function correctWord(word: string, index: TypoIndex, minimumLength: number): string {
  if (word.length < minimumLength || index.known.has(word) || word.startsWith("<")) return word;
  // A real word the phrases happen not to use ("wine" next to a known "wind") is no typo.
  if (isListedEnglishWord(word)) return word;
  const candidates = new Set<string>();
  for (const key of [word, ...deletions(word)]) {
    for (const candidate of index.byDeletion.get(key) ?? []) candidates.add(candidate);
  }
  let best = word;
  for (const candidate of [...candidates].sort()) {
    if (editDistance(word, candidate, 1) <= 1) {
      best = candidate;
      break;
    }
  }
  return best;
}
