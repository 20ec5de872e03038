import type { IntentModel } from "../model.ts";
import { keywordWords } from "./keyword-words.ts";

interface KeywordEntry {
  intent: number;
  words: string[];
  keyword: string;
}

export interface KeywordMatch {
  intent: number;
  keyword: string;
}

/** The base of a language code, as keywords are stored: "pt-BR" and "pt_br" are "pt". */
export function languageBase(language: unknown): string {
  return typeof language === "string" ? (language.trim().toLowerCase().split(/[-_]/)[0] ?? "") : "";
}

/** Keywords by language base, then by their first word. */
type KeywordIndex = Map<string, Map<string, KeywordEntry[]>>;

const indexes = new WeakMap<IntentModel, KeywordIndex>();

function indexKeywords(model: IntentModel): KeywordIndex {
  const cached = indexes.get(model);
  if (cached) return cached;
  const index: KeywordIndex = new Map();
  model.intents.forEach((intent, position) => {
    for (const [language, keywords] of Object.entries(intent.keywords)) {
      const base = languageBase(language);
      const byFirstWord = index.get(base) ?? new Map<string, KeywordEntry[]>();
      index.set(base, byFirstWord);
      for (const keyword of keywords) {
        const words = keywordWords(keyword, base);
        const first = words[0];
        if (first === undefined) continue;
        const list = byFirstWord.get(first) ?? [];
        list.push({ intent: position, words, keyword });
        byFirstWord.set(first, list);
      }
    }
  });
  indexes.set(model, index);
  return index;
}

function startsAt(words: readonly string[], start: number, keyword: readonly string[]): boolean {
  if (start + keyword.length > words.length) return false;
  return keyword.every((word, offset) => words[start + offset] === word);
}

/**
 * Finds a keyword in the text, as its exact sequence of words (spec 18:
 * "credit card" is not found in "a credit on my card"). Keywords of the
 * conversation's language are used, or of every language when it has none.
 * When several match, the longest keyword wins (it is the most specific),
 * then the intent defined first.
 */
export function matchKeyword(model: IntentModel, text: string, language: unknown): KeywordMatch | null {
  const index = indexKeywords(model);
  const base = languageBase(language);
  const tables = base === "" ? [...index.entries()] : [[base, index.get(base)] as const];
  let best: KeywordEntry | null = null;
  for (const [tableLanguage, table] of tables) {
    if (!table) continue;
    const words = keywordWords(text, tableLanguage);
    words.forEach((word, start) => {
      for (const entry of table.get(word) ?? []) {
        if (!startsAt(words, start, entry.words)) continue;
        const longer =
          best === null ||
          entry.words.length > best.words.length ||
          (entry.words.length === best.words.length && entry.intent < best.intent);
        if (longer) best = entry;
      }
    });
  }
  const found = best as KeywordEntry | null;
  return found ? { intent: found.intent, keyword: found.keyword } : null;
}
