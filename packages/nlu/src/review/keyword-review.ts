import { languageBase } from "../keywords/keyword-matcher.ts";
import { keywordWords } from "../keywords/keyword-words.ts";
import type { IntentDefinition } from "../types.ts";
import type { IntentWarning } from "./intent-warning.ts";

interface ReviewedKeyword {
  intent: string;
  keyword: string;
  language: string;
  words: string[];
}

function contains(outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length === 0 || inner.length >= outer.length) return false;
  for (let start = 0; start + inner.length <= outer.length; start += 1) {
    if (inner.every((word, offset) => outer[start + offset] === word)) return true;
  }
  return false;
}

/** Keyword clashes between intents, compared as the matcher compares them (case, accents, plurals). */
export function reviewKeywords(definitions: readonly IntentDefinition[]): IntentWarning[] {
  const keywords: ReviewedKeyword[] = [];
  for (const definition of definitions) {
    for (const [language, list] of Object.entries(definition.keywords ?? {})) {
      const base = languageBase(language);
      for (const keyword of list) {
        if (typeof keyword !== "string") continue;
        const words = keywordWords(keyword, base);
        if (words.length > 0) keywords.push({ intent: definition.name, keyword, language: base, words });
      }
    }
  }
  const warnings: IntentWarning[] = [];
  keywords.forEach((first, index) => {
    for (const second of keywords.slice(index + 1)) {
      if (first.language !== second.language || first.intent === second.intent) continue;
      if (first.words.join(" ") === second.words.join(" ")) {
        warnings.push({
          rule: "keyword-in-two-intents",
          intent: second.intent,
          keyword: second.keyword,
          language: second.language,
          otherIntent: first.intent,
          otherKeyword: first.keyword,
          message: `The keyword "${second.keyword}" (${second.language}) is also a keyword of "${first.intent}": a keyword can belong to one intent only.`,
        });
        continue;
      }
      for (const [outer, inner] of [
        [first, second],
        [second, first],
      ] as const) {
        if (!contains(outer.words, inner.words)) continue;
        warnings.push({
          rule: "keyword-inside-keyword",
          intent: outer.intent,
          keyword: outer.keyword,
          language: outer.language,
          otherIntent: inner.intent,
          otherKeyword: inner.keyword,
          message: `The keyword "${outer.keyword}" contains "${inner.keyword}", a keyword of "${inner.intent}": customers who write only part of it will be sent to "${inner.intent}".`,
        });
      }
    }
  });
  return warnings;
}
