import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { hasBlockingProblems, type ImportedArticle, parseArticleFile } from "@parley/knowledge";

const directory = path.join(import.meta.dirname, "demo-help-center");

let articles: ImportedArticle[] | undefined;

/**
 * The Demo Store's public help center: about 30 English articles and a few
 * Spanish and Portuguese translations, written for Parley, as Markdown files
 * with front matter (the format `parley kb import` reads). Read once per
 * process; a file that does not parse is a bug in the repository, so it stops
 * the first start rather than leaving the demo without its articles.
 */
export function demoHelpCenterArticles(): ImportedArticle[] {
  if (articles) return articles;
  const parsed: ImportedArticle[] = [];
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith(".md"))
    .sort()) {
    const result = parseArticleFile(file, readFileSync(path.join(directory, file), "utf8"));
    if (hasBlockingProblems(result.problems)) {
      const first = result.problems.find((problem) => problem.severity === "error");
      throw new Error(`demo help center: ${file}:${first?.source.line}: ${first?.message}`);
    }
    parsed.push(...result.articles.map(({ article }) => ({ ...article, status: "published" as const })));
  }
  articles = parsed;
  return parsed;
}
