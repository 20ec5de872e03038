/**
 * An article as search and answers read it: published and public (the
 * server never hands over drafts or internal articles), its body already
 * reduced to plain text with blank lines between paragraphs.
 */
export interface KnowledgeArticle {
  id: string;
  title: string;
  /** Plain text; paragraphs are separated by blank lines. */
  text: string;
  /** BCP-47 tag ("en", "pt-BR"); matched on its base language. */
  language: string;
  /** The public link customers follow. */
  url: string;
}

/** A stretch of an article's text: a paragraph, or part of a long one. */
export interface Passage {
  articleId: string;
  /** Position of the passage in its article, from 0. */
  index: number;
  text: string;
}

export interface SearchOptions {
  /** The customer's language: only articles in it are searched. */
  language: string;
  /** How many articles to return at most (default 3). */
  limit?: number;
}

export interface SearchHit {
  articleId: string;
  title: string;
  url: string;
  /** The passage that best matches the question, shortened for display. */
  snippet: string;
  /** The ranking score; only comparable within one search. */
  score: number;
  /**
   * How much of the question the article accounts for, between 0 and 1:
   * the share of the question's informative words that the article has.
   * Comparable across searches, so thresholds are set on it.
   */
  relevance: number;
  /** The article's passages that match the question best, best first. */
  passages: Passage[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Whether the best hit is relevant enough to show or to answer from. */
  relevant: boolean;
}

/** A source an answer used, as shown to the customer. */
export interface Citation {
  articleId: string;
  title: string;
  url: string;
}

export interface GroundedAnswer {
  /** False when the articles do not answer the question: `text` then says so. */
  found: boolean;
  text: string;
  citations: Citation[];
  /** Which provider wrote the answer ("extractive", or the LLM's model id). */
  provider: string;
}

export interface AnswerRequest {
  question: string;
  /** The customer's language, for the refusal and the lead-in. */
  language: string;
  /** The search result to answer from: only its passages may be used. */
  search: SearchResult;
  /** The organization's extra guidance (an AI profile), for tone and format; it cannot widen the sources. */
  instructions?: string;
  /** Called with each piece of text as it is generated, when the provider streams. */
  onText?: (delta: string) => void;
  signal?: AbortSignal;
}

/** Writes an answer from retrieved passages: the extractive default, or an LLM. */
export interface AnswerProvider {
  readonly name: string;
  answer(request: AnswerRequest): Promise<GroundedAnswer>;
}
