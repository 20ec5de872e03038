import { readFileSync } from "node:fs";
import path from "node:path";
import { type EvaluationQuery, type KnowledgeArticle, parseEvaluationQueries } from "@parley/knowledge";
import { demoHelpCenterArticles } from "../../packages/server/src/bootstrap/demo-help-center.ts";
import { renderArticleBody } from "../../packages/server/src/knowledge/article-rendering.ts";

export interface DemoHelpCenter {
  articles: KnowledgeArticle[];
  queries: EvaluationQuery[];
}

/**
 * The demo organization's help center, rendered to text as the server stores
 * it, with the questions written for it (120 related, 60 unrelated): data the
 * relevance weights were not fitted on. Questions name articles by slug.
 */
export function readDemoHelpCenter(): DemoHelpCenter {
  const articles = demoHelpCenterArticles().map((article) => ({
    id: article.slug ?? article.title,
    title: article.title,
    text: renderArticleBody(article.body, article.bodyFormat).text,
    language: article.language ?? "en",
    url: `https://demostore.example/help/${article.slug}`,
  }));
  const file = path.resolve(
    import.meta.dirname,
    "../../packages/server/src/bootstrap/demo-help-center-questions.jsonl",
  );
  const { records, problems } = parseEvaluationQueries(readFileSync(file, "utf8"));
  if (problems.length > 0) throw new Error(`${file}:${problems[0]?.line}: ${problems[0]?.message}`);
  return { articles, queries: records };
}
