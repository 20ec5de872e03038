export * from "./answers/index.ts";
export {
  type EvaluateKnowledgeOptions,
  evaluateKnowledge,
  indexSearch,
  type KnowledgeEvaluationReport,
  percentile,
  type RankedAnswer,
  type RankingSearch,
} from "./evaluation/evaluate-knowledge.ts";
export {
  type EvaluationArticle,
  type EvaluationQuery,
  type LineProblem,
  parseEvaluationArticles,
  parseEvaluationQueries,
} from "./evaluation/json-lines.ts";
export { articleLimits } from "./import/article-fields.ts";
export { articleFileExtensions, isArticleFile, parseArticleFile } from "./import/article-files.ts";
export { parseCsvArticles } from "./import/csv-articles.ts";
export { parseHtmlArticle } from "./import/html-article.ts";
export {
  type ArticleSource,
  hasBlockingProblems,
  type ImportedArticle,
  type ImportProblem,
  type ParsedArticles,
  type SourcedArticle,
} from "./import/imported-article.ts";
export { parseJsonLinesArticles } from "./import/json-lines-articles.ts";
export { parseMarkdownArticle } from "./import/markdown-article.ts";
export { ArticleIndex, maximumQueryLength, maximumSearchLimit } from "./search/article-index.ts";
export { type SearchSettings, searchSettings } from "./search/search-settings.ts";
export { analyzedLanguages, baseLanguage } from "./text/analyzer.ts";
export type * from "./types.ts";
