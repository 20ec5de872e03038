import { stemEnglish } from "./english-stemmer.ts";
import { entitySynonyms } from "./english-synonyms-entities.ts";
import { everydaySynonyms } from "./english-synonyms-everyday.ts";
import { generalSynonyms } from "./english-synonyms-general.ts";
import { supportSynonyms } from "./english-synonyms-support.ts";
import type { NormalizedWord } from "./normalize.ts";
import { splitWords } from "./normalize.ts";

/** Entries of up to this many words ("let me know") are looked up. */
const longestEntry = 3;

/** Stemmed entries ("track down" as "track down", "purchases" as "purchas") to the groups they belong to. */
function buildLookup(lists: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const lookup = new Map<string, string[]>();
  for (const list of lists) {
    for (const line of list.split("\n")) {
      const entries = line
        .trim()
        .split(/\s+/)
        .filter((entry) => entry !== "");
      const concept = entries[0];
      if (!concept) continue;
      for (const entry of entries) {
        const words = splitWords(entry.replace(/_/g, " "), "en");
        if (words.length === 0 || words.length > longestEntry) continue;
        const key = words.map(stemEnglish).join(" ");
        const concepts = lookup.get(key) ?? [];
        if (!concepts.includes(concept)) concepts.push(concept);
        lookup.set(key, concepts);
      }
    }
  }
  return lookup;
}

let englishLookup: ReadonlyMap<string, readonly string[]> | undefined;

function lookup(): ReadonlyMap<string, readonly string[]> {
  englishLookup ??= buildLookup([supportSynonyms, everydaySynonyms, generalSynonyms, entitySynonyms]);
  return englishLookup;
}

/** Whether a lowercase English word's stem is in a synonym group: a real word, not a typo. */
export function isListedEnglishWord(word: string): boolean {
  return lookup().has(stemEnglish(word));
}

/**
 * The synonym groups that English words belong to, once per occurrence:
 * "I misplaced my cell" gives "lost" and "phone", as "I lost my phone" does.
 * A two- or three-word entry counts once, for its whole sequence.
 */
export function englishConcepts(words: readonly NormalizedWord[]): string[] {
  const table = lookup();
  const found: string[] = [];
  for (let start = 0; start < words.length; start += 1) {
    for (let length = 1; length <= longestEntry && start + length <= words.length; length += 1) {
      const key = words
        .slice(start, start + length)
        .map((word) => word.stem)
        .join(" ");
      const concepts = table.get(key);
      if (concepts) found.push(...concepts);
    }
  }
  return found;
}
