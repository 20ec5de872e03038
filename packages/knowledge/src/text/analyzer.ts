import { stemmer as englishStemmer } from "@orama/stemmers/english";
import { stemmer as portugueseStemmer } from "@orama/stemmers/portuguese";
import { stemmer as spanishStemmer } from "@orama/stemmers/spanish";
import { stopwords as englishStopWords } from "@orama/stopwords/english";
import { stopwords as portugueseStopWords } from "@orama/stopwords/portuguese";
import { stopwords as spanishStopWords } from "@orama/stopwords/spanish";
import { conversationWords } from "./conversation-words.ts";

/** One word of a text, as search and answers compare them. */
export interface Token {
  /** Lowercase, without accents. */
  word: string;
  /** The word's stem in the text's language ("shipping" and "shipped" both give "ship"). */
  stem: string;
  /** A function word ("the", "de", "que"): it still counts in titles, where questions live. */
  stopWord: boolean;
}

export interface Analyzer {
  /** The base language ("en"), or "" for a language without stemming and stop words. */
  language: string;
  tokens(text: string): Token[];
}

/** Lowercase, without accents: customers often type "envio" for "envío". */
export function foldWord(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** The base of a BCP-47 tag: "pt-BR" and "pt_br" give "pt"; anything unusable gives "". */
export function baseLanguage(language: unknown): string {
  if (typeof language !== "string") return "";
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return /^[a-z]{2,3}$/.test(base) ? base : "";
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** The words of a text, folded, in order. */
export function splitWords(text: string): string[] {
  return (foldWord(text).match(wordPattern) ?? []).filter((word) => word.length <= 40);
}

interface LanguageTools {
  stem: (word: string) => string;
  stopWords: ReadonlySet<string>;
}

function stopWordsOf(language: string, written: readonly string[]): Set<string> {
  const spoken = (conversationWords[language] ?? "").split(/\s+/).filter((word) => word !== "");
  return new Set([...written, ...spoken].map(foldWord));
}

const tools: Record<string, LanguageTools> = {
  en: { stem: englishStemmer, stopWords: stopWordsOf("en", englishStopWords) },
  es: { stem: spanishStemmer, stopWords: stopWordsOf("es", spanishStopWords) },
  pt: { stem: portugueseStemmer, stopWords: stopWordsOf("pt", portugueseStopWords) },
};

/** The languages with stemming and stop words; others are searched word for word. */
export const analyzedLanguages = Object.keys(tools);

const analyzers = new Map<string, Analyzer>();

/** The analyzer of a language, shared: stems are cached, since the same words recur in every article. */
export function analyzerFor(language: unknown): Analyzer {
  const base = baseLanguage(language);
  const key = Object.hasOwn(tools, base) ? base : "";
  let analyzer = analyzers.get(key);
  if (analyzer) return analyzer;
  const languageTools = tools[key];
  const stems = new Map<string, string>();
  const stemOf = (word: string): string => {
    if (!languageTools || /\d/.test(word)) return word;
    let stem = stems.get(word);
    if (stem === undefined) {
      stem = languageTools.stem(word);
      // The cache is bounded so an endless stream of odd words cannot grow it without limit.
      if (stems.size < 200_000) stems.set(word, stem);
    }
    return stem;
  };
  analyzer = {
    language: key,
    tokens: (text) =>
      splitWords(text).map((word) => ({
        word,
        stem: stemOf(word),
        // A lone letter is what is left of "where's" or "e-mail": no more meaning than a stop word.
        stopWord: (word.length === 1 && !/\d/.test(word)) || (languageTools?.stopWords.has(word) ?? false),
      })),
  };
  analyzers.set(key, analyzer);
  return analyzer;
}
