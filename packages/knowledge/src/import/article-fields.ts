import type { ArticleSource, ImportedArticle, ImportProblem } from "./imported-article.ts";

/**
 * The server's limits on an article (packages/server/src/knowledge/knowledge-limits.ts and
 * article-schemas.ts), checked here too so that every problem of every file is reported before
 * anything is sent, instead of one batch at a time. The server checks again.
 */
export const articleLimits = {
  titleLength: 300,
  bodyLength: 200_000,
  categoriesPerArticle: 10,
  categoryLength: 60,
  slugLength: 120,
} as const;

export const articleFieldNames = [
  "title",
  "body",
  "bodyFormat",
  "language",
  "slug",
  "categories",
  "status",
  "visibility",
] as const;
export type ArticleFieldName = (typeof articleFieldNames)[number];

/**
 * Keys that files written for other tools (or for our own demo help center) carry and that
 * mean nothing to an article: skipped without a warning, since a warning on every file of a
 * folder would bury the ones that matter.
 */
export const ignoredFieldNames: ReadonlySet<string> = new Set(["translationOf", "testNote", "description"]);

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const languagePattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const choices = {
  bodyFormat: ["markdown", "html"],
  status: ["draft", "published"],
  visibility: ["public", "internal"],
} as const;

/** An article's fields as a file gave them, before they are checked. */
export interface ArticleFieldValues {
  source: ArticleSource;
  fields: Partial<Record<ArticleFieldName, unknown>>;
  /** The line of one field, when the format knows it (a front matter key); else the article's line. */
  lineOf?: (field: ArticleFieldName) => number | undefined;
  /** How to add a missing title or body in this format, said after "title is missing". */
  missingHints?: Partial<Record<"title" | "body", string>>;
}

type Check<Value> = { value: Value } | { message: string };

function text(value: unknown): string | null {
  if (typeof value === "string") return value;
  // YAML reads `slug: 2024` and `title: 404` as numbers; people mean the text.
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function checkTitle(value: unknown): Check<string> {
  const title = text(value)?.trim();
  if (title === undefined) return { message: "must be text" };
  if (title === "") return { message: "must not be empty" };
  if (title.length > articleLimits.titleLength) {
    return { message: `must be at most ${articleLimits.titleLength} characters (it has ${title.length})` };
  }
  return { value: title };
}

function checkBody(value: unknown): Check<string> {
  if (typeof value !== "string") return { message: "must be text" };
  if (value.length > articleLimits.bodyLength) {
    const limit = articleLimits.bodyLength.toLocaleString("en-US");
    return {
      message: `must be at most ${limit} characters (it has ${value.length.toLocaleString("en-US")})`,
    };
  }
  return { value };
}

function checkChoice<Value extends string>(allowed: readonly Value[]) {
  return (value: unknown): Check<Value> => {
    const choice = text(value)?.trim().toLowerCase();
    if (choice !== undefined && (allowed as readonly string[]).includes(choice)) {
      return { value: choice as Value };
    }
    return { message: `must be one of: ${allowed.join(", ")}` };
  };
}

/** Kept lower-case, as the server stores it, so counts by language match what it will hold. */
function checkLanguage(value: unknown): Check<string> {
  const language = text(value)?.trim();
  if (language === undefined || !languagePattern.test(language)) {
    return { message: "must be a language tag such as en, es or pt-BR" };
  }
  return { value: language.toLowerCase() };
}

function checkSlug(value: unknown): Check<string> {
  const slug = text(value)?.trim();
  if (slug === undefined || !slugPattern.test(slug)) {
    return {
      message: "must be lower-case letters and digits joined by single hyphens, such as return-policy",
    };
  }
  if (slug.length > articleLimits.slugLength) {
    return { message: `must be at most ${articleLimits.slugLength} characters` };
  }
  return { value: slug };
}

function checkCategories(value: unknown): Check<string[]> {
  // One category may be written without a list: `categories: Returns`.
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) return { message: "must be a list of category names" };
  const categories: string[] = [];
  for (const item of list) {
    const category = text(item)?.trim();
    if (category === undefined || category === "") return { message: "must list non-empty names" };
    if (category.length > articleLimits.categoryLength) {
      return { message: `must list names of at most ${articleLimits.categoryLength} characters` };
    }
    if (!categories.includes(category)) categories.push(category);
  }
  if (categories.length > articleLimits.categoriesPerArticle) {
    return { message: `must list at most ${articleLimits.categoriesPerArticle} categories` };
  }
  return { value: categories };
}

const checks: { [Field in ArticleFieldName]: (value: unknown) => Check<unknown> } = {
  title: checkTitle,
  body: checkBody,
  bodyFormat: checkChoice(choices.bodyFormat),
  language: checkLanguage,
  slug: checkSlug,
  categories: checkCategories,
  status: checkChoice(choices.status),
  visibility: checkChoice(choices.visibility),
};

/**
 * Checks an article's fields as the server would and returns the article, or null when a
 * field is wrong; every problem is reported with the field's line. A field that is absent
 * (undefined, or null as YAML writes an empty value) is left out, except title and body.
 */
export function checkArticleFields(values: ArticleFieldValues): {
  article: ImportedArticle | null;
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
  const article: Record<string, unknown> = {};
  const sourceOf = (field: ArticleFieldName) => ({
    ...values.source,
    line: values.lineOf?.(field) ?? values.source.line,
  });
  for (const field of articleFieldNames) {
    const value = values.fields[field];
    if (value === undefined || value === null) {
      if (field === "title" || field === "body") {
        const hint = values.missingHints?.[field];
        const message = `${field} is missing${hint ? `: ${hint}` : ""}`;
        problems.push({ source: sourceOf(field), field, message, severity: "error" });
      }
      continue;
    }
    const checked = checks[field](value);
    if ("message" in checked) {
      problems.push({
        source: sourceOf(field),
        field,
        message: `${field} ${checked.message}`,
        severity: "error",
      });
    } else {
      article[field] = checked.value;
    }
  }
  if (typeof article.body === "string" && article.body.trim() === "") {
    problems.push({
      source: sourceOf("body"),
      field: "body",
      message: "the article has no text",
      severity: "warning",
    });
  }
  if (problems.some((problem) => problem.severity === "error")) return { article: null, problems };
  return { article: { bodyFormat: "markdown", ...article } as ImportedArticle, problems };
}

/**
 * Warnings for keys that are not article fields: the article goes ahead without them, and a
 * key that differs from a field only in case or separators is named, since that is a typo.
 */
export function unknownFieldProblems(
  keys: Iterable<string>,
  sourceOf: (key: string) => ArticleSource,
  known: ReadonlySet<string> = new Set(articleFieldNames),
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const key of keys) {
    if (known.has(key) || ignoredFieldNames.has(key)) continue;
    const simplified = key.toLowerCase().replace(/[\s_-]/g, "");
    const meant = [...known].find((field) => field.toLowerCase() === simplified);
    problems.push({
      source: sourceOf(key),
      field: key,
      message: `${key} is not an article field, so it is ignored${meant ? `; did you mean ${meant}?` : ""}`,
      severity: "warning",
    });
  }
  return problems;
}

/** "return-policy.md" becomes "Return policy": a title for a file that has no other. */
export function titleFromFileName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const stem = name.replace(/\.[^.]+$/, "");
  const words = stem.replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim();
  return words === "" ? stem : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
