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
export { ArticleIndex, maximumQueryLength, maximumSearchLimit } from "./search/article-index.ts";
export { type SearchSettings, searchSettings } from "./search/search-settings.ts";
export { analyzedLanguages, baseLanguage } from "./text/analyzer.ts";
export type * from "./types.ts";
