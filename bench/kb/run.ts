/**
 * `npm run bench:kb`: article search on CovidFAQ, Parley against MiniSearch's
 * BM25 on the same articles and questions, then search time and memory over
 * generated articles. The 68 FAQ entries are the articles; the 1,387 user
 * questions are the related queries; bench/kb/unrelated-questions.jsonl
 * (written for Parley) holds questions the FAQ does not answer, for the
 * refusal rate. MiniSearch has no notion of "not answered", so it has no
 * refusal or answer rate.
 * Options (flag or environment variable):
 *   --dataset PATH     BENCH_KB_DATASET    query_answer_pairs.json (default ../shared/datasets/covidfaq/...)
 *   --unrelated PATH   BENCH_KB_UNRELATED  unrelated questions (default bench/kb/unrelated-questions.jsonl)
 *   --articles N       BENCH_KB_ARTICLES   generated articles for the latency run (default 10000)
 *   --misses N                             print N related questions Parley ranked below third
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { evaluateKnowledge, type KnowledgeEvaluationReport, parseEvaluationQueries } from "@parley/knowledge";
import { machine } from "../engine/measure.ts";
import { formatTable, milliseconds, percent } from "../intents/report.ts";
import { readCovidFaq } from "./covidfaq-dataset.ts";
import { readDemoHelpCenter } from "./demo-help-center.ts";
import { generateArticles } from "./generated-articles.ts";
import { measureScale } from "./scale.ts";
import { miniSearch, parleySearch, type SearchSide, toKnowledgeArticle } from "./sides.ts";

const targets = { hitAt3Margin: 0.15, refusalRate: 0.9, answerRate: 0.85, p99Ms: 20 };

const { values: flags } = parseArgs({
  options: {
    dataset: { type: "string" },
    unrelated: { type: "string" },
    articles: { type: "string" },
    misses: { type: "string" },
  },
});
const repository = path.resolve(import.meta.dirname, "../..");
const datasetPath = path.resolve(
  flags.dataset ??
    process.env.BENCH_KB_DATASET ??
    path.join(repository, "../shared/datasets/covidfaq/query_answer_pairs.json"),
);
const unrelatedPath = path.resolve(
  flags.unrelated ??
    process.env.BENCH_KB_UNRELATED ??
    path.join(import.meta.dirname, "unrelated-questions.jsonl"),
);
const generatedCount = Number(flags.articles ?? process.env.BENCH_KB_ARTICLES ?? 10_000);
if (!Number.isInteger(generatedCount) || generatedCount < 1)
  throw new Error("--articles must be a positive integer");
const missCount = Number(flags.misses ?? 0);

const began = performance.now();
const loadAtStart = os.loadavg()[0] ?? 0;
const progress = (message: string) => process.stderr.write(`${message}\n`);

const faq = readCovidFaq(datasetPath);
const unrelated = parseEvaluationQueries(readFileSync(unrelatedPath, "utf8"));
if (unrelated.problems.length > 0) {
  const first = unrelated.problems[0];
  throw new Error(`${unrelatedPath}:${first?.line}: ${first?.message}`);
}
const articles = faq.articles.map(toKnowledgeArticle);
const queries = [...faq.queries, ...unrelated.records];

const reports = new Map<SearchSide, KnowledgeEvaluationReport>();
for (const side of [parleySearch, miniSearch]) {
  const search = side.build(articles);
  reports.set(side, evaluateKnowledge(search, queries, { now: () => performance.now() }));
  progress(`CovidFAQ, ${side.name}: done`);
}
const parley = reports.get(parleySearch) as KnowledgeEvaluationReport;
const peer = reports.get(miniSearch) as KnowledgeEvaluationReport;

const demo = readDemoHelpCenter();
const demoReports = [parleySearch, miniSearch].map((side) =>
  evaluateKnowledge(side.build(demo.articles), demo.queries, { now: () => performance.now() }),
);

const realWords = [
  ...new Set(
    articles.flatMap((article) => `${article.title} ${article.text}`.toLowerCase().match(/[a-z]+/g) ?? []),
  ),
];
const corpus = generateArticles(generatedCount, realWords, 1);
const scale = [parleySearch, miniSearch].map((side) => {
  progress(`${generatedCount.toLocaleString("en-US")} generated articles, ${side.name}: measuring`);
  return { side, figures: measureScale(side, corpus) };
});

const value = (figure: number | null, format: (value: number) => string) =>
  figure === null ? "—" : format(figure);
const rows: [string, (report: KnowledgeEvaluationReport) => string][] = [
  ["hit@1", (report) => value(report.hitAt1, percent)],
  ["hit@3", (report) => value(report.hitAt3, percent)],
  ["MRR", (report) => value(report.mrr, (figure) => figure.toFixed(3))],
  ["NDCG@3", (report) => value(report.ndcgAt3, (figure) => figure.toFixed(3))],
  ["answer rate (related)", (report) => value(report.answerRate, percent)],
  ["refusal rate (unrelated)", (report) => value(report.refusalRate, percent)],
  ["latency p50 (ms)", (report) => value(report.p50Ms, milliseconds)],
  ["latency p99 (ms)", (report) => value(report.p99Ms, milliseconds)],
];

const lines = [
  `Article search benchmark: CovidFAQ, ${articles.length} articles, ${parley.relatedQueries} related and ${parley.unrelatedQueries} unrelated questions`,
  `machine: ${machine()}; load average at start ${loadAtStart.toFixed(2)}`,
  `took ${((performance.now() - began) / 1000).toFixed(0)} s`,
  `reproduce: npm run bench:kb -- --articles ${generatedCount}`,
  "",
  formatTable(
    ["figure", parleySearch.name, miniSearch.name],
    rows.map(([label, format]) => [label, format(parley), format(peer)]),
  ),
  "",
  `Demo help center (not used for tuning the relevance weights): ${demo.articles.length} articles, ${demoReports[0]?.relatedQueries} related and ${demoReports[0]?.unrelatedQueries} unrelated questions`,
  formatTable(
    ["figure", parleySearch.name, miniSearch.name],
    rows.map(([label, format]) => [label, ...demoReports.map((report) => format(report))]),
  ),
  "",
  `${generatedCount.toLocaleString("en-US")} generated articles, ${corpus.queries.length} questions`,
  formatTable(
    ["figure", ...scale.map(({ side }) => side.name)],
    [
      ["index build (ms)", ...scale.map(({ figures }) => figures.buildMs.toFixed(0))],
      ["heap after build (MiB)", ...scale.map(({ figures }) => (figures.heapBytes / 1024 ** 2).toFixed(1))],
      ["search p50 (ms)", ...scale.map(({ figures }) => milliseconds(figures.p50Ms))],
      ["search p99 (ms)", ...scale.map(({ figures }) => milliseconds(figures.p99Ms))],
    ],
  ),
  "",
];
const hitMargin = (parley.hitAt3 ?? 0) - (peer.hitAt3 ?? 0);
const scaleP99 = scale[0]?.figures.p99Ms ?? Number.POSITIVE_INFINITY;
const verdicts: [string, boolean][] = [
  [
    `hit@3 ${percent(hitMargin)} above MiniSearch (target ≥ ${percent(targets.hitAt3Margin)})`,
    hitMargin >= targets.hitAt3Margin,
  ],
  [
    `refusal rate ${value(parley.refusalRate, percent)} (target ≥ ${percent(targets.refusalRate)})`,
    (parley.refusalRate ?? 0) >= targets.refusalRate,
  ],
  [
    `answer rate ${value(parley.answerRate, percent)} (target ≥ ${percent(targets.answerRate)})`,
    (parley.answerRate ?? 0) >= targets.answerRate,
  ],
  [
    `search p99 ${milliseconds(scaleP99)} ms at ${generatedCount.toLocaleString("en-US")} articles (target ≤ ${targets.p99Ms} ms)`,
    scaleP99 <= targets.p99Ms,
  ],
];
for (const [text, met] of verdicts) lines.push(`${met ? "met" : "MISSED"}: ${text}`);
if (missCount > 0) {
  lines.push("", `related questions Parley ranked below third (first ${missCount}):`);
  const titles = new Map(articles.map((article) => [article.id, article.title]));
  for (const miss of parley.misses.slice(0, missCount)) {
    lines.push(
      `  ${miss.query} → wanted "${titles.get(miss.expected)}", got "${titles.get(miss.found[0] ?? "")}"`,
    );
  }
}
process.stdout.write(`${lines.join("\n")}\n`);
