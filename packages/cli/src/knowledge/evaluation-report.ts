import type { KnowledgeEvaluationReport } from "@parley/knowledge";
import { table } from "../intents/evaluation-table.ts";
import { formatCount } from "../intents/progress.ts";
import type { KnowledgeEvaluationRun } from "./run-knowledge-evaluation.ts";

/** Enough misses to see a pattern; --json lists them all. */
const shownMisses = 10;
/** A long question would push the other columns off the screen. */
const queryWidth = 60;

function percent(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

function ratio(value: number | null): string {
  return value === null ? "n/a" : value.toFixed(3);
}

function milliseconds(value: number | null): string {
  if (value === null) return "n/a";
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

function shortened(text: string): string {
  return text.length <= queryWidth ? text : `${text.slice(0, queryWidth - 1)}…`;
}

function missLines(report: KnowledgeEvaluationReport): string[] {
  if (report.misses.length === 0)
    return ["No misses: every related query found its article in the first three."];
  const heading =
    report.misses.length > shownMisses
      ? `first ${shownMisses} of ${formatCount(report.misses.length)} misses (the article was not in the first three)`
      : `misses (the article was not in the first three)`;
  return [
    heading,
    ...table(
      ["query", "expected", "found"],
      report.misses
        .slice(0, shownMisses)
        .map((miss) => [shortened(miss.query), miss.expected, miss.found.join(", ") || "(nothing)"]),
    ),
  ];
}

export interface EvaluationSources {
  articlesPath: string;
  queriesPath: string;
}

/** The report for people: what was searched, the figures, then the first misses. */
export function formatKnowledgeEvaluation(run: KnowledgeEvaluationRun, sources: EvaluationSources): string {
  const { report } = run;
  const lines = [
    `Indexed ${formatCount(run.articles)} articles of ${sources.articlesPath} in ${run.language}.`,
    `Searched ${formatCount(report.relatedQueries + report.unrelatedQueries)} queries of ${sources.queriesPath}: ${formatCount(report.relatedQueries)} related, ${formatCount(report.unrelatedQueries)} unrelated.`,
    "",
    ...table(
      ["figure", "value"],
      [
        ["hit@1 (related)", percent(report.hitAt1)],
        ["hit@3 (related)", percent(report.hitAt3)],
        ["MRR (related)", ratio(report.mrr)],
        ["NDCG@3 (related)", ratio(report.ndcgAt3)],
        ["answer rate (related)", percent(report.answerRate)],
        ["refusal rate (unrelated)", percent(report.unrelatedQueries > 0 ? report.refusalRate : null)],
        ["search p50", milliseconds(report.p50Ms)],
        ["search p99", milliseconds(report.p99Ms)],
      ],
    ),
    "",
    ...missLines(report),
  ];
  return `${lines.join("\n")}\n`;
}

/** The JSON object of `--json`: the figures first, under the names the documentation gives. */
export function knowledgeEvaluationJson(run: KnowledgeEvaluationRun): Record<string, unknown> {
  const { report } = run;
  return {
    hitAt1: report.hitAt1,
    hitAt3: report.hitAt3,
    mrr: report.mrr,
    ndcgAt3: report.ndcgAt3,
    refusalRate: report.refusalRate,
    answerRate: report.answerRate,
    p50Ms: report.p50Ms,
    p99Ms: report.p99Ms,
    relatedQueries: report.relatedQueries,
    unrelatedQueries: report.unrelatedQueries,
    articles: run.articles,
    language: run.language,
    misses: report.misses,
  };
}
