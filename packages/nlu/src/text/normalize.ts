import { expandApostropheContractions, expandBareContraction } from "./english-contractions.ts";
import { stemEnglish } from "./english-stemmer.ts";
import { resolveLanguage, type SupportedLanguage } from "./languages.ts";
import { isEnglishNumberWord, placeholderFor, placeholders } from "./placeholders.ts";
import { stemPortuguese, stemSpanish } from "./romance-stemmers.ts";
import { americanSpelling } from "./spelling-variants.ts";
import { isStopWord } from "./stop-words.ts";

export interface NormalizedWord {
  /** Lowercase, without accents, in American spelling; numbers, codes, amounts, emails and links become placeholders. */
  word: string;
  /** The word's stem in its language; the word itself when the language has no stemmer. */
  stem: string;
  stopWord: boolean;
  placeholder: boolean;
}

/**
 * Lowercase without accents or marks, curly apostrophes made straight: what
 * every comparison of customer text starts from ("Cancelación" and
 * "cancelacion" are the same word to a customer typing on a phone).
 */
export function foldText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .normalize("NFKD")
    .replace(/\p{Mark}/gu, "")
    .toLowerCase();
}

// Links, emails and amounts first, so that their dots and "@" do not split them into words.
const tokenPattern =
  /(?<url>(?:https?:\/\/|www\.)\S+)|(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}+)|(?<amount>(?:r?[$€£¥₹])\s?\p{N}[\p{N}.,]*|\p{N}[\p{N}.,]*\s?[$€£¥₹])|(?<time>\p{N}{1,2}(?::\p{N}{2})?\s?[ap]\.?m\b\.?|\p{N}{1,2}:\p{N}{2})|(?<word>[\p{L}\p{N}]+(?:['\-_/.][\p{L}\p{N}]+)*)/gu;

/** Splits "credit-card" into two words but keeps "e-mail" and "t-shirt" whole, where a part is only a letter or two. */
function splitCompound(token: string): string[] {
  const parts = token.split(/['\-_/.]/).filter((part) => part !== "");
  if (parts.length > 1 && parts.some((part) => part.length <= 2)) return [parts.join("")];
  return parts;
}

/** The words of a text: folded, with placeholders, contractions expanded in English. */
export function splitWords(text: string, language: SupportedLanguage | null): string[] {
  let folded = foldText(text);
  if (language === "en") folded = expandApostropheContractions(folded);
  const words: string[] = [];
  for (const match of folded.matchAll(tokenPattern)) {
    const groups = match.groups ?? {};
    if (groups.url !== undefined) words.push(placeholders.url);
    else if (groups.email !== undefined) words.push(placeholders.email);
    else if (groups.amount !== undefined) words.push(placeholders.amount);
    else if (groups.time !== undefined) words.push(placeholders.time);
    else if (groups.word !== undefined) {
      const placeholder = placeholderFor(groups.word);
      if (placeholder) {
        words.push(placeholder);
        continue;
      }
      for (const part of splitCompound(groups.word)) {
        const expanded = language === "en" ? expandBareContraction(part) : null;
        if (expanded) words.push(...expanded.split(" "));
        else if (language === "en" && isEnglishNumberWord(part)) words.push(placeholders.number);
        else words.push(language === "en" ? americanSpelling(part) : part);
      }
    }
  }
  return words;
}

function stem(word: string, language: SupportedLanguage | null): string {
  if (language === "en") return stemEnglish(word);
  if (language === "es") return stemSpanish(word);
  if (language === "pt") return stemPortuguese(word);
  return word;
}

/** Stems and marks the stop words of words that `splitWords` produced (possibly corrected since). */
export function describeWords(
  words: readonly string[],
  language: SupportedLanguage | null,
): NormalizedWord[] {
  return words.map((word) => {
    const placeholder = word.startsWith("<");
    return {
      word,
      stem: placeholder ? word : stem(word, language),
      stopWord: !placeholder && isStopWord(word, language),
      placeholder,
    };
  });
}

/**
 * Normalizes customer text for matching in a language ("en", "es-MX",
 * "pt_BR"...). An unknown language keeps case folding, accents, punctuation
 * and placeholders, and skips stemming and stop words rather than applying
 * another language's rules.
 */
export function normalizeText(text: string, language: unknown): NormalizedWord[] {
  const resolved = resolveLanguage(language);
  return describeWords(splitWords(text, resolved), resolved);
}
