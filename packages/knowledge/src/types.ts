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
   * The chance that the article answers the question, between 0 and 1
   * (search/relevance.ts). Comparable across searches, so thresholds are
   * set on it.
   */
  relevance: number;
  /** The rarity-weighted share of the question's informative words the article has. */
  coverage: number;
  /** The article's passages that match the question best, best first. */
  passages: Passage[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Whether the best hit is relevant enough to show or to answer from. */
  relevant: boolean;
  /** What the question is made of, as far as the knowledge base knows its words (absent when it has none). */
  question?: QuestionFigures;
}

/** The figures of a question that relevance weighs, besides an article's coverage. */
export interface QuestionFigures {
  /** The share of the question's informative words that some article uses (typos and prefixes included). */
  knownWords: number;
  /** The same share, each word weighted by its rarity. */
  knownRarity: number;
  /** Informative words, up to 8, over 8: long questions carry more words no article has. */
  length: number;
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
