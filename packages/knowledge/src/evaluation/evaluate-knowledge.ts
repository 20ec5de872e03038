import type { ArticleIndex } from "../search/article-index.ts";
import type { EvaluationQuery } from "./json-lines.ts";

/** What a search engine answers to a query: article ids best first, and whether it would answer. */
export interface RankedAnswer {
  articleIds: string[];
  /** Null for an engine that always returns what it found (no notion of "not answered"). */
  relevant: boolean | null;
}

export type RankingSearch = (query: string, limit: number) => RankedAnswer;

/** Parley's search as the evaluation calls it. */
export function indexSearch(index: ArticleIndex, language = "en"): RankingSearch {
  return (query, limit) => {
    const result = index.search(query, { language, limit });
    return { articleIds: result.hits.map((hit) => hit.articleId), relevant: result.relevant };
  };
}

export interface KnowledgeEvaluationReport {
  relatedQueries: number;
  unrelatedQueries: number;
  /** Over related queries: the right article first, or in the first three. */
  hitAt1: number | null;
  hitAt3: number | null;
  /** Mean reciprocal rank of the right article (0 when it is not found at all). */
  mrr: number | null;
  /** NDCG over the first three results, with one right article per query. */
  ndcgAt3: number | null;
  /** Of unrelated queries, how many the search judged not answered by any article. */
  refusalRate: number | null;
  /** Of related queries, how many the search judged answered (an answer is given). */
  answerRate: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Related queries whose article was not in the first three, for reading. */
  misses: { query: string; expected: string; found: string[] }[];
}

export interface EvaluateKnowledgeOptions {
  /** How many results each search returns (default 10, so MRR sees past the first three). */
  limit?: number;
  /** A clock in milliseconds, such as `performance.now`, to measure latency. */
  now?: () => number;
  /** Called every 100 queries and at the end. */
  onProgress?: (done: number, total: number) => void;
}

export function percentile(sorted: readonly number[], quantile: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] ?? null;
}

function share(count: number, total: number): number | null {
  return total === 0 ? null : count / total;
}

/** Searches every query as a customer would and scores the ranking and the answer-or-refuse decision. */
export function evaluateKnowledge(
  search: RankingSearch,
  queries: readonly EvaluationQuery[],
  options: EvaluateKnowledgeOptions = {},
): KnowledgeEvaluationReport {
  const limit = options.limit ?? 10;
  const latencies: number[] = [];
  let related = 0;
  let unrelated = 0;
  let hitAt1 = 0;
  let hitAt3 = 0;
  let reciprocalRanks = 0;
  let gains = 0;
  let refused = 0;
  let answered = 0;
  let judged = true;
  const misses: KnowledgeEvaluationReport["misses"] = [];
  queries.forEach((query, position) => {
    const started = options.now?.();
    const result = search(query.query, limit);
    if (result.relevant === null) judged = false;
    if (started !== undefined && options.now) latencies.push(options.now() - started);
    if (query.articleId === null) {
      unrelated += 1;
      if (!result.relevant) refused += 1;
    } else {
      related += 1;
      if (result.relevant) answered += 1;
      const rank = result.articleIds.indexOf(query.articleId);
      if (rank === 0) hitAt1 += 1;
      if (rank >= 0 && rank < 3) {
        hitAt3 += 1;
        gains += 1 / Math.log2(rank + 2);
      } else {
        misses.push({
          query: query.query,
          expected: query.articleId,
          found: result.articleIds.slice(0, 3),
        });
      }
      if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
    }
    if ((position + 1) % 100 === 0 || position + 1 === queries.length) {
      options.onProgress?.(position + 1, queries.length);
    }
  });
  latencies.sort((left, right) => left - right);
  return {
    relatedQueries: related,
    unrelatedQueries: unrelated,
    hitAt1: share(hitAt1, related),
    hitAt3: share(hitAt3, related),
    mrr: share(reciprocalRanks, related),
    ndcgAt3: share(gains, related),
    refusalRate: judged ? share(refused, unrelated) : null,
    answerRate: judged ? share(answered, related) : null,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    misses,
  };
}
