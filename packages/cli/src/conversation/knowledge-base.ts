import type { AiAnswer, ArticleReference } from "@parley/engine";
import {
  type AnswerProvider,
  ArticleIndex,
  baseLanguage,
  createExtractiveAnswerer,
  type KnowledgeArticle,
  type SearchHit,
  type SearchResult,
} from "@parley/knowledge";
import type { ContextAnswer, ContextArticle } from "./context-file.ts";
import { containsPhrase } from "./words.ts";

/** As the server: an AI answer reads the three best articles, no more. */
const articlesPerAnswer = 3;
/** The engine's limits on an answer (AiAnswer in @parley/engine). */
const answerTextLength = 20_000;
const citationsPerAnswer = 20;

/** The first scripted answer whose `match` words all appear in the question. */
function findScriptedAnswer(answers: readonly ContextAnswer[], question: string): AiAnswer | null {
  const answer = answers.find((candidate) =>
    candidate.match.every((phrase) => containsPhrase(question, phrase)),
  );
  if (!answer) return null;
  return {
    found: true,
    text: answer.text,
    citations: answer.citations,
    ...(answer.answerId ? { answerId: answer.answerId } : {}),
  };
}

/**
 * The context's articles searched and answered from as the server does it
 * (packages/server/src/answers/knowledge-ports.ts): the product's article
 * search, in the conversation's language, and the extractive answerer. An
 * article without a language is in every conversation's language, so short
 * context files need not say it. Keywords count as words of the title, which
 * is what they stood for before the real search.
 */
export class ContextKnowledgeBase {
  private readonly articles: readonly ContextArticle[];
  private readonly answers: readonly ContextAnswer[];
  private readonly answerer: AnswerProvider;
  private readonly titles: ReadonlyMap<string, string>;
  private readonly indexes = new Map<string, ArticleIndex>();

  constructor(options: {
    articles: readonly ContextArticle[];
    answers: readonly ContextAnswer[];
    answerer?: AnswerProvider;
  }) {
    this.articles = options.articles;
    this.answers = options.answers;
    this.answerer = options.answerer ?? createExtractiveAnswerer();
    this.titles = new Map(options.articles.map((article) => [article.id, article.title]));
  }

  /** Article deflection: the relevant articles only, best first, as the server shows them. */
  searchArticles(query: string, language: string, limit: number): ArticleReference[] {
    return this.indexFor(language)
      .relevantArticles(query, { language, limit })
      .map((hit) => ({
        id: hit.articleId,
        title: this.shownTitle(hit),
        url: hit.url,
        ...(hit.snippet ? { snippet: hit.snippet } : {}),
      }));
  }

  /**
   * A scripted answer of the context when one matches, since tests pin exact texts with them;
   * otherwise the extractive answer from the articles, or its refusal.
   */
  async answer(question: string, language: string): Promise<AiAnswer> {
    const scripted = findScriptedAnswer(this.answers, question);
    if (scripted) return scripted;
    const search = this.search(question, language, articlesPerAnswer);
    const answer = await this.answerer.answer({ question, language, search });
    return {
      found: answer.found,
      text: answer.text.slice(0, answerTextLength),
      citations: answer.citations.slice(0, citationsPerAnswer).map(({ title, url }) => ({ title, url })),
    };
  }

  /** The index's hits carry the keywords in their titles; customers see the article's own title. */
  private shownTitle(hit: SearchHit): string {
    return this.titles.get(hit.articleId) ?? hit.title;
  }

  private search(query: string, language: string, limit: number): SearchResult {
    const result = this.indexFor(language).search(query, { language, limit });
    return { ...result, hits: result.hits.map((hit) => ({ ...hit, title: this.shownTitle(hit) })) };
  }

  /** Built when a conversation in that language first searches; the articles never change during a run. */
  private indexFor(language: string): ArticleIndex {
    const base = baseLanguage(language);
    let index = this.indexes.get(base);
    if (!index) {
      index = new ArticleIndex(
        this.articles
          .filter((article) => article.language === undefined || baseLanguage(article.language) === base)
          .map(
            (article): KnowledgeArticle => ({
              id: article.id,
              title: [article.title, ...(article.keywords ?? [])].join(" "),
              text: article.body ?? "",
              language: base,
              url: article.url,
            }),
          ),
      );
      this.indexes.set(base, index);
    }
    return index;
  }
}
