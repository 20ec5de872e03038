import type { ImportedArticle, SourcedArticle } from "@parley/knowledge";
import { table } from "../intents/evaluation-table.ts";
import { formatCount } from "../intents/progress.ts";
import { splitIntoBatches } from "./import-plan.ts";

function counted(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;
}

/** How many articles have each value of a field, commonest first; a missing value is described. */
function countsBy(
  articles: readonly ImportedArticle[],
  fieldOf: (article: ImportedArticle) => string | undefined,
  missing: string,
): string[][] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    const value = fieldOf(article) ?? missing;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .sort(([leftValue, left], [rightValue, right]) => right - left || (leftValue < rightValue ? -1 : 1))
    .map(([value, count]) => [value, formatCount(count)]);
}

/** What `kb import --dry-run` prints: what would be sent, counted by language, status and visibility. */
export function formatDryRun(
  entries: readonly SourcedArticle[],
  files: number,
  knowledgeBaseId: string | undefined,
): string {
  const articles = entries.map((entry) => entry.article);
  const requests = splitIntoBatches(articles).length;
  const target = knowledgeBaseId ? `knowledge base ${knowledgeBaseId}` : "the knowledge base";
  const lines = [
    `Dry run: ${counted(articles.length, "article")} from ${counted(files, "file")} would be sent to ${target} in ${counted(requests, "request")}; nothing was sent.`,
    "",
    ...table(
      ["language", "articles"],
      countsBy(articles, (article) => article.language, "(the knowledge base's default language)"),
    ),
    "",
    ...table(
      ["status", "articles"],
      countsBy(articles, (article) => article.status, "(not set: draft when new, kept when updated)"),
    ),
    "",
    ...table(
      ["visibility", "articles"],
      countsBy(articles, (article) => article.visibility, "(not set: public when new, kept when updated)"),
    ),
  ];
  return `${lines.join("\n")}\n`;
}
