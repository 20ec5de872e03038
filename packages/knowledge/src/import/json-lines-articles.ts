import {
  type ArticleFieldName,
  articleFieldNames,
  checkArticleFields,
  unknownFieldProblems,
} from "./article-fields.ts";
import type { ParsedArticles } from "./imported-article.ts";

const example = '{"title": "Return policy", "body": "You can return…", "language": "en"}';

/**
 * Reads JSON lines, one article per line with the fields the API takes (title, body,
 * bodyFormat, language, slug, categories, status, visibility). Blank lines are skipped;
 * every bad line is reported with its number, so a whole file can be fixed in one pass.
 */
export function parseJsonLinesArticles(content: string, file: string): ParsedArticles {
  const result: ParsedArticles = { articles: [], problems: [] };
  const text = content.replace(/^\uFEFF/, "");
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const source = { file, line };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      result.problems.push({
        source,
        message: `not valid JSON: ${(error as Error).message}`,
        severity: "error",
      });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      result.problems.push({ source, message: `expected an object such as ${example}`, severity: "error" });
      return;
    }
    const record = value as Record<string, unknown>;
    result.problems.push(...unknownFieldProblems(Object.keys(record), () => source));
    const fields: Partial<Record<ArticleFieldName, unknown>> = {};
    for (const field of articleFieldNames) {
      if (Object.hasOwn(record, field)) fields[field] = record[field];
    }
    const checked = checkArticleFields({ source, fields });
    result.problems.push(...checked.problems);
    if (checked.article) result.articles.push({ source, article: checked.article });
  });
  return result;
}
