import { resolveLanguage, type SupportedLanguage } from "../text/languages.ts";
import { foldText } from "../text/normalize.ts";
import { americanSpelling } from "../text/spelling-variants.ts";

/** Folds plurals only, so "cookies" finds the keyword "cookie" but "general" never finds "generate". */
function singular(word: string, language: SupportedLanguage | null): string {
  if (language === "en") {
    if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
    if (word.length > 4 && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
    if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }
  if (language === "es" || language === "pt") {
    if (word.length > 4 && /[^aeiou]es$/.test(word)) return word.slice(0, -2);
    if (word.length > 3 && /[aeiou]s$/.test(word)) return word.slice(0, -1);
  }
  return word;
}

/**
 * The words keyword matching compares: case, accents and punctuation
 * ignored, apostrophes dropped inside words ("don't" is "dont"), and in
 * English American spelling. Keywords and customer text go through the
 * same function, so they meet halfway whatever the customer typed.
 */
export function keywordWords(text: string, language: unknown): string[] {
  const resolved = resolveLanguage(language);
  const words = foldText(text)
    .replace(/(\p{L})'(\p{L})/gu, "$1$2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
  return words.map((word) => singular(resolved === "en" ? americanSpelling(word) : word, resolved));
}
