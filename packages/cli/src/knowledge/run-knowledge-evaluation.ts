import {
  ArticleIndex,
  baseLanguage,
  evaluateKnowledge,
  indexSearch,
  type KnowledgeEvaluationReport,
} from "@parley/knowledge";
import { CliError } from "../exit-codes.ts";
import { formatCount } from "../intents/progress.ts";
import type { EvaluationFiles } from "./evaluation-files.ts";

/**
 * The first searches fill the index's caches and warm up the JIT; a running server has paid
 * for that long before a customer asks, so they are left out of the latency figures.
 */
const warmUpQueries = 10;

export interface KnowledgeEvaluationRun {
  report: KnowledgeEvaluationReport;
  /** The articles searched: those in the evaluation's language. */
  articles: number;
  language: string;
}

export interface KnowledgeEvaluationOptions {
  language: string;
  /** A clock in milliseconds, such as `performance.now`. */
  now: () => number;
  onProgress?: (done: number, total: number) => void;
}

/** Article links are not searched; the index only needs one to hand back. */
function placeholderUrl(id: string): string {
  return `https://help.example.invalid/articles/${encodeURIComponent(id)}`;
}

function describeLanguages(languages: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
  return [...counts].map(([language, count]) => `${language} (${formatCount(count)})`).join(", ");
}

/**
 * Indexes the articles as the server does (the body is the text searched; an article without
 * a language is in the evaluation's language) and searches every query in that language, as
 * a customer writing in it would.
 */
export function runKnowledgeEvaluation(
  files: EvaluationFiles,
  options: KnowledgeEvaluationOptions,
): KnowledgeEvaluationRun {
  const language = baseLanguage(options.language);
  const articles = files.articles.records.map((article) => ({
    id: article.id,
    title: article.title,
    text: article.body,
    language: article.language ?? options.language,
    url: placeholderUrl(article.id),
  }));
  const searched = articles.filter((article) => baseLanguage(article.language) === language);
  if (searched.length === 0) {
    throw new CliError(
      `${files.articles.path} has no article in ${options.language}: its articles are in ${describeLanguages(articles.map((article) => baseLanguage(article.language)))}; pass --language to evaluate one of them`,
    );
  }
  const outside = new Set(
    articles.filter((article) => !searched.includes(article)).map((article) => article.id),
  );
  const unreachable = files.queries.records.findIndex(
    (query) => query.articleId !== null && outside.has(query.articleId),
  );
  if (unreachable >= 0) {
    const query = files.queries.records[unreachable];
    throw new CliError(
      `${files.queries.path}:${files.queries.lines[unreachable]}: articleId: ${JSON.stringify(query?.articleId)} is an article in another language than ${options.language}, so a search in ${options.language} can never find it`,
    );
  }
  const index = new ArticleIndex(searched);
  const search = indexSearch(index, language);
  for (const query of files.queries.records.slice(0, warmUpQueries)) search(query.query, 10);
  const report = evaluateKnowledge(search, files.queries.records, {
    now: options.now,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { report, articles: searched.length, language: options.language };
}
