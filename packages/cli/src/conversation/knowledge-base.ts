import type { AiAnswer, ArticleReference } from "@parley/engine";
import type { ContextAnswer, ContextArticle } from "./context-file.ts";
import { containsPhrase, words } from "./words.ts";

/**
 * Stand-ins for the knowledge package: good enough to script a conversation,
 * not a search engine. Small words carry no meaning for matching.
 */
const ignoredWords = new Set(
  "a an and are can do does for how i in is it me my of on or the to what when where why with you your".split(
    " ",
  ),
);

function meaningfulWords(text: string): Set<string> {
  return new Set(words(text).filter((word) => !ignoredWords.has(word)));
}

const snippetLength = 200;

/**
 * Articles that share words with the query, best first: a shared word counts
 * twice in the title or keywords, once in the body. Ties keep the context's order.
 */
export function searchArticles(
  articles: readonly ContextArticle[],
  query: string,
  limit: number,
): ArticleReference[] {
  const queryWords = meaningfulWords(query);
  const scored = articles.map((article, position) => {
    const heading = meaningfulWords(`${article.title} ${(article.keywords ?? []).join(" ")}`);
    const body = meaningfulWords(article.body ?? "");
    let score = 0;
    for (const word of queryWords) score += heading.has(word) ? 2 : body.has(word) ? 1 : 0;
    return { article, position, score };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((left, right) => right.score - left.score || left.position - right.position)
    .slice(0, Math.max(0, limit))
    .map(({ article }) => ({
      id: article.id,
      title: article.title,
      url: article.url,
      ...(article.body ? { snippet: article.body.slice(0, snippetLength) } : {}),
    }));
}

export const notFoundAnswerText = "I couldn't find that in our help center.";

/** The first answer whose `match` words all appear in the question, else "not found". */
export function findAnswer(answers: readonly ContextAnswer[], question: string): AiAnswer {
  const answer = answers.find((candidate) =>
    candidate.match.every((phrase) => containsPhrase(question, phrase)),
  );
  if (!answer) return { found: false, text: notFoundAnswerText, citations: [] };
  return {
    found: true,
    text: answer.text,
    citations: answer.citations,
    ...(answer.answerId ? { answerId: answer.answerId } : {}),
  };
}
