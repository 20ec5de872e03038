import { readFileSync } from "node:fs";
import type { EvaluationArticle, EvaluationQuery } from "@parley/knowledge";

interface RawEntry {
  query_type: string;
  question: string;
  answer: string;
  id: string;
}

export interface CovidFaq {
  articles: EvaluationArticle[];
  /** Customers' questions, each with the FAQ entry that answers it. */
  queries: EvaluationQuery[];
}

const folded = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * "[[Would you like to know more about…]]" are the FAQ bot's follow-up
 * buttons, not article text: both sides of the benchmark get the bodies
 * without them.
 */
function withoutFollowUps(answer: string): string {
  return answer.replace(/\[\[[^\]]*\]\]/g, " ").trim();
}

function overlap(left: string, right: ReadonlySet<string>): number {
  const words = left.split(" ");
  return words.filter((word) => right.has(word)).length / Math.max(words.length, right.size);
}

/**
 * CovidFAQ (BERT-FAQ project) as `query_answer_pairs.json` lays it out: the
 * "faq" entries are the articles (question as title, answer as body), and
 * each "user_query" belongs to the entry with the same answer, matched after
 * folding case and spaces, or by the best word overlap where the copy differs.
 */
export function readCovidFaq(path: string): CovidFaq {
  const raw = JSON.parse(readFileSync(path, "utf8")) as RawEntry[];
  const entries = raw.filter((entry) => entry.query_type === "faq");
  const articles = entries.map((entry) => ({
    id: entry.id,
    title: entry.question.trim(),
    body: withoutFollowUps(entry.answer),
    language: "en",
  }));
  const byAnswer = new Map(entries.map((entry) => [folded(entry.answer), entry.id]));
  const queries = raw
    .filter((entry) => entry.query_type === "user_query")
    .map((entry) => {
      let articleId = byAnswer.get(folded(entry.answer));
      if (articleId === undefined) {
        const words = new Set(folded(entry.answer).split(" "));
        let best = -1;
        for (const candidate of entries) {
          const score = overlap(folded(candidate.answer), words);
          if (score > best) {
            best = score;
            articleId = candidate.id;
          }
        }
      }
      return { query: entry.question.trim(), articleId: articleId ?? null };
    });
  return { articles, queries };
}
