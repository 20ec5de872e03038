/**
 * Fits the relevance weights of packages/knowledge/src/search/search-settings.ts:
 * a class-balanced logistic regression of "this question is answered by the
 * knowledge base" on the four figures relevance.ts weighs, over CovidFAQ's
 * related questions and bench/kb/unrelated-questions.jsonl. Then it scores
 * the fitted weights on the demo help center's questions, which stay out of
 * the fit. Run: node bench/kb/fit-relevance.ts
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  ArticleIndex,
  type EvaluationQuery,
  parseEvaluationQueries,
  type SearchResult,
} from "@parley/knowledge";
import { readCovidFaq } from "./covidfaq-dataset.ts";
import { readDemoHelpCenter } from "./demo-help-center.ts";
import { toKnowledgeArticle } from "./sides.ts";

interface Example {
  figures: number[];
  answered: boolean;
}

const threshold = 0.6;

function figuresOf(result: SearchResult): number[] {
  const question = result.question ?? { knownWords: 0, knownRarity: 0, length: 0 };
  return [result.hits[0]?.coverage ?? 0, question.knownRarity, question.knownWords, question.length];
}

function examples(index: ArticleIndex, queries: readonly EvaluationQuery[]): Example[] {
  return queries.map((query) => ({
    figures: figuresOf(index.search(query.query, { language: "en", limit: 1 })),
    answered: query.articleId !== null,
  }));
}

function fitWeights(training: readonly Example[]): { weights: number[]; bias: number } {
  const weights = [0, 0, 0, 0];
  let bias = 0;
  const answered = training.filter((example) => example.answered).length;
  const classWeight = (example: Example) => 1 / (example.answered ? answered : training.length - answered);
  for (let epoch = 0; epoch < 3000; epoch += 1) {
    const gradient = [0, 0, 0, 0];
    let biasGradient = 0;
    for (const example of training) {
      const logit =
        bias + example.figures.reduce((sum, value, index) => sum + value * (weights[index] ?? 0), 0);
      const error = (1 / (1 + Math.exp(-logit)) - (example.answered ? 1 : 0)) * classWeight(example);
      example.figures.forEach((value, index) => {
        gradient[index] = (gradient[index] ?? 0) + error * value;
      });
      biasGradient += error;
    }
    gradient.forEach((value, index) => {
      weights[index] = (weights[index] ?? 0) - 2 * value;
    });
    bias -= 2 * biasGradient;
  }
  return { weights, bias };
}

function rates(model: { weights: number[]; bias: number }, test: readonly Example[]): string {
  const judged = test.map((example) => {
    const logit =
      model.bias +
      example.figures.reduce((sum, value, index) => sum + value * (model.weights[index] ?? 0), 0);
    return { answered: example.answered, answers: 1 / (1 + Math.exp(-logit)) >= threshold };
  });
  const related = judged.filter((entry) => entry.answered);
  const unrelated = judged.filter((entry) => !entry.answered);
  const percent = (count: number, total: number) => `${((count / total) * 100).toFixed(1)}%`;
  return `answer rate ${percent(related.filter((entry) => entry.answers).length, related.length)}, refusal rate ${percent(unrelated.filter((entry) => !entry.answers).length, unrelated.length)}`;
}

const repository = path.resolve(import.meta.dirname, "../..");
const faq = readCovidFaq(path.join(repository, "../shared/datasets/covidfaq/query_answer_pairs.json"));
const unrelated = parseEvaluationQueries(
  readFileSync(path.join(import.meta.dirname, "unrelated-questions.jsonl"), "utf8"),
);
const training = examples(new ArticleIndex(faq.articles.map(toKnowledgeArticle)), [
  ...faq.queries,
  ...unrelated.records,
]);
const demo = readDemoHelpCenter();
const heldOut = examples(new ArticleIndex(demo.articles), demo.queries);
const model = fitWeights(training);
const [coverage, knownRarity, knownWords, length] = model.weights.map((weight) => weight.toFixed(2));
process.stdout.write(
  [
    `relevanceBias: ${model.bias.toFixed(2)}, coverageWeight: ${coverage}, knownRarityWeight: ${knownRarity}, knownWordWeight: ${knownWords}, questionLengthWeight: ${length}`,
    `at ${threshold}: CovidFAQ (fitted on) ${rates(model, training)}; demo help center (held out) ${rates(model, heldOut)}`,
    "",
  ].join("\n"),
);
