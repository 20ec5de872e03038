import type { ImportedArticle, ImportProblem, SourcedArticle } from "@parley/knowledge";
import { formatSource } from "./problem-lines.ts";

/** What `--status`, `--visibility` and `--language` give the articles whose files leave it out. */
export interface ImportDefaults {
  status?: ImportedArticle["status"];
  visibility?: ImportedArticle["visibility"];
  language?: string;
}

/** The server takes at most 500 articles per import request. */
export const articlesPerRequest = 500;
/**
 * The server refuses import bodies over 10 MiB; 500 long articles can weigh more than that,
 * so batches are cut by size too, with room left for the JSON around the articles.
 */
export const bytesPerRequest = 8 * 1024 * 1024;

/** A file's own value wins: the options fill in what it does not say. */
export function withDefaults(
  articles: readonly SourcedArticle[],
  defaults: ImportDefaults,
): SourcedArticle[] {
  return articles.map(({ source, article }) => ({
    source,
    article: {
      ...article,
      ...(article.language === undefined && defaults.language ? { language: defaults.language } : {}),
      ...(article.status === undefined && defaults.status ? { status: defaults.status } : {}),
      ...(article.visibility === undefined && defaults.visibility ? { visibility: defaults.visibility } : {}),
    },
  }));
}

/**
 * The server matches articles by language and slug (made from the title when there is none),
 * so two files with the same ones would overwrite each other; in one request it refuses them,
 * across requests the later one would silently win. Caught here for explicit slugs and for
 * identical titles; titles that differ but make the same slug are left to the server.
 */
export function duplicateProblems(articles: readonly SourcedArticle[]): ImportProblem[] {
  const first = new Map<string, SourcedArticle>();
  const problems: ImportProblem[] = [];
  for (const entry of articles) {
    const { article } = entry;
    const language = article.language ?? "";
    const key = article.slug
      ? `slug\n${language}\n${article.slug}`
      : `title\n${language}\n${article.title.toLowerCase()}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, entry);
      continue;
    }
    const what = article.slug ? `the slug ${article.slug}` : `the title ${JSON.stringify(article.title)}`;
    const inLanguage = article.language ? ` in ${article.language}` : "";
    problems.push({
      source: entry.source,
      field: article.slug ? "slug" : "title",
      message: `has ${what}${inLanguage}, as ${formatSource(earlier.source)} does; each article is imported once (give one of them another slug)`,
      severity: "error",
    });
  }
  return problems;
}

/** Index ranges of the articles to send together: at most 500 articles and 8 MiB per request. */
export function splitIntoBatches(
  articles: readonly ImportedArticle[],
  limits = { articles: articlesPerRequest, bytes: bytesPerRequest },
): { start: number; end: number }[] {
  const batches: { start: number; end: number }[] = [];
  let start = 0;
  let bytes = 0;
  articles.forEach((article, index) => {
    const size = Buffer.byteLength(JSON.stringify(article)) + 1;
    if (index > start && (index - start >= limits.articles || bytes + size > limits.bytes)) {
      batches.push({ start, end: index });
      start = index;
      bytes = 0;
    }
    bytes += size;
  });
  if (articles.length > start) batches.push({ start, end: articles.length });
  return batches;
}
