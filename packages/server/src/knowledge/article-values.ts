import type {
  ArticleBodyFormat,
  ArticleStatus,
  ArticleVisibility,
  knowledgeBaseArticles,
} from "../database/schema/index.ts";
import { ApiError, type ProblemDetail } from "../http/errors.ts";
import { renderArticleBody } from "./article-rendering.ts";
import type { ArticleInput, ArticlePatch } from "./article-schemas.ts";
import { knowledgeLimits } from "./knowledge-limits.ts";

export type ArticleRow = typeof knowledgeBaseArticles.$inferSelect;

/** An article's fields as the author gives them, before rendering. */
export interface ArticleValues {
  title: string;
  slug: string;
  language: string;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  bodyFormat: ArticleBodyFormat;
  body: string;
  categories: string[];
}

/** What is stored: the body sanitized (for HTML) and rendered, and the text search reads. */
export interface StoredArticleValues extends ArticleValues {
  html: string;
  text: string;
}

/** The same category twice says nothing more; the first spelling is kept. */
function distinct(categories: readonly string[]): string[] {
  return [...new Set(categories)];
}

/** A new article: what the input leaves out takes its default. */
export function newArticleValues(input: ArticleInput, defaultLanguage: string, slug: string): ArticleValues {
  return {
    title: input.title,
    slug,
    language: input.language ?? defaultLanguage,
    status: input.status ?? "draft",
    visibility: input.visibility ?? "public",
    bodyFormat: input.bodyFormat ?? "markdown",
    body: input.body,
    categories: distinct(input.categories ?? []),
  };
}

/** A stored article changed by the fields given; the others, the slug included, stay. */
export function changedArticleValues(current: ArticleRow, changes: ArticlePatch): ArticleValues {
  return {
    title: changes.title ?? current.title,
    slug: changes.slug ?? current.slug,
    language: changes.language ?? current.language,
    status: changes.status ?? current.status,
    visibility: changes.visibility ?? current.visibility,
    bodyFormat: changes.bodyFormat ?? current.bodyFormat,
    body: changes.body ?? current.body,
    categories: changes.categories ? distinct(changes.categories) : current.categories,
  };
}

/** Renders the body, unless it is the stored one in the stored format (then the stored forms hold). */
export function renderedValues(values: ArticleValues, current?: ArticleRow): StoredArticleValues {
  if (current && values.body === current.body && values.bodyFormat === current.bodyFormat) {
    return { ...values, html: current.html, text: current.text };
  }
  return { ...values, ...renderArticleBody(values.body, values.bodyFormat) };
}

/** Whether storing these values would change nothing: an import then leaves the article alone. */
export function unchangedArticle(values: StoredArticleValues, current: ArticleRow): boolean {
  return (
    values.title === current.title &&
    values.slug === current.slug &&
    values.language === current.language &&
    values.status === current.status &&
    values.visibility === current.visibility &&
    values.bodyFormat === current.bodyFormat &&
    values.body === current.body &&
    values.html === current.html &&
    values.text === current.text &&
    JSON.stringify(values.categories) === JSON.stringify(current.categories)
  );
}

/** The columns to write, with `publishedAt` set the first time the article is published. */
export function articleColumns(values: StoredArticleValues, current?: ArticleRow) {
  const firstPublished = values.status === "published" && !current?.publishedAt;
  return {
    ...values,
    ...(firstPublished ? { publishedAt: new Date() } : {}),
  };
}

function problem(path: string, code: string, message: string, limit?: number): ProblemDetail {
  return { in: "body", path, code, message, ...(limit === undefined ? {} : { limit }) };
}

/** The rules the schema leaves to the store, for the article at `pointer` ("" or /articles/<index>). */
export function articleProblems(input: { body?: string | undefined }, pointer = ""): ProblemDetail[] {
  const limit = knowledgeLimits.bodyLength;
  if (input.body === undefined || input.body.length <= limit) return [];
  return [
    problem(
      `${pointer}/body`,
      "body_too_long",
      `must be at most ${limit} characters (it has ${input.body.length})`,
      limit,
    ),
  ];
}

export function invalidArticle(problems: ProblemDetail[]): ApiError {
  return new ApiError(422, "invalid_article", `The article cannot be saved: ${problems.length} problem(s).`, {
    problems,
  });
}

export function invalidImport(problems: ProblemDetail[]): ApiError {
  return new ApiError(
    422,
    "invalid_import",
    `Nothing was imported: ${problems.length} problem(s) in the articles.`,
    { problems },
  );
}

/** The 20,000 articles of one knowledge base; `path` points at what would go over. */
export function articleLimitReached(path: string, message: string): ApiError {
  const limit = knowledgeLimits.articlesPerKnowledgeBase;
  return new ApiError(
    422,
    "limit_reached",
    `A knowledge base can have at most ${limit} articles. ${message}`,
    {
      problems: [problem(path, "limit_reached", `at most ${limit} articles per knowledge base`, limit)],
    },
  );
}

export function slugProblem(path: string, code: string, message: string): ProblemDetail {
  return problem(path, code, message);
}
