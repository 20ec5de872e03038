import { intentLimits, keywordWords } from "@parley/nlu";
import { predefinedIntentNames } from "@parley/nlu/predefined";
import { ApiError, type ProblemDetail } from "../http/errors.ts";
import type { IntentInput } from "./intent-schemas.ts";

/** Another intent of the organization, as far as the checks of a new or changed one need it. */
export interface OtherIntent {
  name: string;
  keywords: Record<string, string[]>;
}

/**
 * The language whose keyword table a tag's keywords join: the model keeps keywords by the base of
 * the tag ("pt-BR" and "pt" are both "pt"), so limits and clashes are counted per base language.
 */
export function languageBase(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? "";
}

/** How the keyword matcher sees a keyword: case, accents, punctuation and plurals folded. */
function keywordKey(keyword: string, language: string): string {
  return keywordWords(keyword, language).join(" ");
}

/** The keywords of an intent without the languages it lists none for. */
export function keptKeywords(keywords: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(keywords).filter(([, list]) => list.length > 0));
}

function problem(path: string, code: string, message: string, limit?: number): ProblemDetail {
  return { in: "body", path, code, message, ...(limit === undefined ? {} : { limit }) };
}

function nameProblems(input: IntentInput): ProblemDetail[] {
  if (!predefinedIntentNames.has(input.name)) return [];
  return [
    problem(
      "/name",
      "predefined_intent",
      `${input.name} is a predefined intent: assistants can map it as it is; choose another name for a custom intent.`,
    ),
  ];
}

function phraseProblems(input: IntentInput, keywords: Record<string, string[]>): ProblemDetail[] {
  const count = input.phrases.length;
  if (count === 0 && Object.keys(keywords).length === 0) {
    return [
      problem(
        "",
        "intent_without_examples",
        `needs keywords, or at least ${intentLimits.minPhrases} phrases, for the assistant to detect it`,
        intentLimits.minPhrases,
      ),
    ];
  }
  if (count > 0 && count < intentLimits.minPhrases) {
    return [
      problem(
        "/phrases",
        "too_few_phrases",
        `must list at least ${intentLimits.minPhrases} phrases to train on (${intentLimits.recommendedPhrases} or more are recommended), or none for an intent of keywords only`,
        intentLimits.minPhrases,
      ),
    ];
  }
  return [];
}

/** Each keyword of the other intents by language and folded form, with its intent. */
function takenKeywords(others: readonly OtherIntent[]): Map<string, { intent: string; keyword: string }> {
  const taken = new Map<string, { intent: string; keyword: string }>();
  for (const other of others) {
    for (const [tag, list] of Object.entries(other.keywords)) {
      const language = languageBase(tag);
      for (const keyword of list) {
        const key = keywordKey(keyword, language);
        if (key !== "") taken.set(`${language}:${key}`, { intent: other.name, keyword });
      }
    }
  }
  return taken;
}

function keywordProblems(
  keywords: Record<string, string[]>,
  others: readonly OtherIntent[],
): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const taken = takenKeywords(others);
  const languages = new Map<string, string>();
  for (const [tag, list] of Object.entries(keywords)) {
    const pointer = `/keywords/${tag}`;
    const language = languageBase(tag);
    const sameLanguage = languages.get(language);
    if (sameLanguage !== undefined) {
      problems.push(
        problem(
          pointer,
          "duplicate_language",
          `has the same base language as ${sameLanguage}: keywords are kept per language, so list them under one tag`,
        ),
      );
      continue;
    }
    languages.set(language, tag);
    if (list.length > intentLimits.maxKeywordsPerLanguage) {
      problems.push(
        problem(
          pointer,
          "too_many_keywords",
          `must list at most ${intentLimits.maxKeywordsPerLanguage} keywords per language`,
          intentLimits.maxKeywordsPerLanguage,
        ),
      );
    }
    const own = new Set<string>();
    list.forEach((keyword, index) => {
      const at = `${pointer}/${index}`;
      if (keyword.length < intentLimits.minKeywordLength) {
        problems.push(
          problem(
            at,
            "keyword_too_short",
            `must be at least ${intentLimits.minKeywordLength} characters`,
            intentLimits.minKeywordLength,
          ),
        );
        return;
      }
      if (keyword.length > intentLimits.maxKeywordLength) {
        problems.push(
          problem(
            at,
            "keyword_too_long",
            `must be at most ${intentLimits.maxKeywordLength} characters`,
            intentLimits.maxKeywordLength,
          ),
        );
        return;
      }
      const key = keywordKey(keyword, language);
      if (key === "") {
        problems.push(problem(at, "keyword_without_words", "must contain a letter or a digit"));
        return;
      }
      if (own.has(key)) {
        problems.push(problem(at, "duplicate_keyword", `is listed twice for ${tag}`));
        return;
      }
      own.add(key);
      const clash = taken.get(`${language}:${key}`);
      if (clash) {
        problems.push(
          problem(
            at,
            "keyword_taken",
            `is already the keyword "${clash.keyword}" of the intent ${clash.intent}: a keyword can belong to one intent only`,
          ),
        );
      }
    });
  }
  return problems;
}

/**
 * Everything wrong with an intent that its schema cannot tell (spec 18's limits, the predefined
 * names, keywords of the other intents), all at once, so an editor can mark every field.
 */
export function intentProblems(input: IntentInput, others: readonly OtherIntent[]): ProblemDetail[] {
  const keywords = keptKeywords(input.keywords);
  return [...nameProblems(input), ...phraseProblems(input, keywords), ...keywordProblems(keywords, others)];
}

export function invalidIntent(problems: ProblemDetail[]): ApiError {
  return new ApiError(422, "invalid_intent", `The intent cannot be saved: ${problems.length} problem(s).`, {
    problems,
  });
}
