import { describe, expect, it } from "vitest";
import { evaluateKnowledge, type RankingSearch } from "./evaluate-knowledge.ts";
import { parseEvaluationArticles, parseEvaluationQueries } from "./json-lines.ts";

const answers: Record<string, { articleIds: string[]; relevant: boolean }> = {
  "where is my parcel": { articleIds: ["tracking", "shipping"], relevant: true },
  "refund please": { articleIds: ["returns", "refunds"], relevant: true },
  "change password": { articleIds: ["a", "b", "c", "password"], relevant: false },
  "capital of peru": { articleIds: ["shipping"], relevant: false },
  "tell me a joke": { articleIds: ["returns"], relevant: true },
};
const search: RankingSearch = (query) => answers[query] ?? { articleIds: [], relevant: false };

describe("evaluateKnowledge", () => {
  it("scores ranking over related queries and the answer-or-refuse decision", () => {
    const report = evaluateKnowledge(search, [
      { query: "where is my parcel", articleId: "tracking" },
      { query: "refund please", articleId: "refunds" },
      { query: "change password", articleId: "password" },
      { query: "capital of peru", articleId: null },
      { query: "tell me a joke", articleId: null },
    ]);
    expect(report.relatedQueries).toBe(3);
    expect(report.unrelatedQueries).toBe(2);
    expect(report.hitAt1).toBeCloseTo(1 / 3);
    expect(report.hitAt3).toBeCloseTo(2 / 3);
    expect(report.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 4) / 3);
    expect(report.ndcgAt3).toBeCloseTo((1 + 1 / Math.log2(3)) / 3);
    expect(report.answerRate).toBeCloseTo(2 / 3);
    expect(report.refusalRate).toBeCloseTo(1 / 2);
    expect(report.misses).toEqual([
      { query: "change password", expected: "password", found: ["a", "b", "c"] },
    ]);
    expect(report.p50Ms).toBeNull();
  });

  it("has no rates for an engine that never refuses", () => {
    const report = evaluateKnowledge(
      () => ({ articleIds: ["x"], relevant: null }),
      [{ query: "q", articleId: "x" }],
    );
    expect(report.hitAt1).toBe(1);
    expect(report.answerRate).toBeNull();
    expect(report.refusalRate).toBeNull();
  });
});

describe("evaluation files", () => {
  it("reads articles and queries, reporting each bad line with its field", () => {
    const articles = parseEvaluationArticles(
      '{"id": "1", "title": "Returns", "body": "Within 30 days."}\n\n{"id": "2", "title": ""}\nnot json\n[1]',
    );
    expect(articles.records).toEqual([{ id: "1", title: "Returns", body: "Within 30 days." }]);
    expect(articles.problems.map(({ line, field }) => [line, field])).toEqual([
      [3, "title"],
      [3, "body"],
      [4, undefined],
      [5, undefined],
    ]);
    const queries = parseEvaluationQueries(
      '{"query": "hi", "articleId": null}\n{"query": "x"}\n{"query": "y", "articleId": 3}',
    );
    expect(queries.records).toEqual([{ query: "hi", articleId: null }]);
    expect(queries.problems).toEqual([
      { line: 2, field: "articleId", message: "articleId is missing" },
      { line: 3, field: "articleId", message: "articleId must be an article id or null" },
    ]);
  });
});
