import type { Analyzer, Token } from "../text/analyzer.ts";
import { splitPassages } from "../text/passages.ts";
import type { KnowledgeArticle } from "../types.ts";
import { PostingList } from "./posting-list.ts";
import { TypoCandidates } from "./typo-candidates.ts";

/** Term counts of one field of one article. */
type Counts = Map<string, number>;

/**
 * What the index keeps of an article: enough to score it and to show it.
 * Its terms are not kept: they are derived again from the article's own
 * text when it is removed, and its passages when it is a hit.
 */
export interface IndexedArticle {
  slot: number;
  article: KnowledgeArticle;
  titleLength: number;
  bodyLength: number;
}

/** An article's terms, as the index counts them. */
interface ArticleTerms {
  title: Counts;
  body: Counts;
  titlePairs: Counts;
  titleLength: number;
  bodyLength: number;
}

export interface ArticlePassages {
  passages: string[];
  passageStems: string[][];
}

/** Articles whose passages stay derived: the ones customers keep being shown. */
const recentPassagesKept = 256;

/** term → the articles holding it. */
type Postings = Map<string, PostingList>;

function count(tokens: readonly string[]): Counts {
  const counts: Counts = new Map();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Neighbouring stems joined by a space, stop words included: "how long", "long do". */
export function pairsOf(tokens: readonly Token[]): string[] {
  const pairs: string[] = [];
  for (let index = 1; index < tokens.length; index += 1) {
    pairs.push(`${tokens[index - 1]?.stem} ${tokens[index]?.stem}`);
  }
  return pairs;
}

function addPostings(postings: Postings, counts: Counts, slot: number): void {
  for (const [term, amount] of counts) {
    let list = postings.get(term);
    if (!list) {
      list = new PostingList();
      postings.set(term, list);
    }
    list.add(slot, amount);
  }
}

function removePostings(postings: Postings, counts: Counts, slot: number): void {
  for (const term of counts.keys()) {
    const list = postings.get(term);
    if (!list) continue;
    list.remove(slot);
    if (list.size === 0) postings.delete(term);
  }
}

/**
 * The inverted index of the articles in one language: their title and body
 * stems, title word pairs, and how many articles hold each stem. Articles
 * come and go one at a time, so a published change is searchable at once.
 */
export class LanguagePartition {
  readonly analyzer: Analyzer;
  readonly title: Postings = new Map();
  readonly body: Postings = new Map();
  readonly titlePairs: Postings = new Map();
  /** Articles holding each stem in their title or body. */
  readonly articleFrequency: Map<string, number> = new Map();
  readonly slots: (IndexedArticle | undefined)[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private titleLengthSum = 0;
  private bodyLengthSum = 0;
  private sortedVocabulary: string[] | null = null;
  private typoCandidates: TypoCandidates | null = null;
  private readonly recentPassages = new Map<IndexedArticle, ArticlePassages>();

  constructor(analyzer: Analyzer) {
    this.analyzer = analyzer;
  }

  get size(): number {
    return this.slotById.size;
  }

  get averageTitleLength(): number {
    return this.size === 0 ? 0 : this.titleLengthSum / this.size;
  }

  get averageBodyLength(): number {
    return this.size === 0 ? 0 : this.bodyLengthSum / this.size;
  }

  has(articleId: string): boolean {
    return this.slotById.has(articleId);
  }

  /** Every stem of the partition, sorted, for prefix and typo lookups. */
  vocabulary(): string[] {
    this.sortedVocabulary ??= [...this.articleFrequency.keys()].sort();
    return this.sortedVocabulary;
  }

  /** Stems of the partition within `limit` edits of a word. */
  typos(word: string, limit: number): string[] {
    this.typoCandidates ??= new TypoCandidates(this.vocabulary());
    return this.typoCandidates.within(word, limit);
  }

  private vocabularyChanged(): void {
    this.sortedVocabulary = null;
    this.typoCandidates = null;
  }

  /**
   * The article's passages and the stems of each, for choosing the passages that answer a
   * question. Derived when the article is a hit rather than kept for every article, which would
   * cost more memory than the rest of the index; the articles hit most recently are kept.
   */
  passagesOf(indexed: IndexedArticle): ArticlePassages {
    const kept = this.recentPassages.get(indexed);
    if (kept) {
      this.recentPassages.delete(indexed);
      this.recentPassages.set(indexed, kept);
      return kept;
    }
    const passages = splitPassages(indexed.article.text);
    const derived = {
      passages,
      passageStems: passages.map((passage) => this.analyzer.tokens(passage).map((token) => token.stem)),
    };
    this.recentPassages.set(indexed, derived);
    if (this.recentPassages.size > recentPassagesKept) {
      this.recentPassages.delete(this.recentPassages.keys().next().value as IndexedArticle);
    }
    return derived;
  }

  private termsOf(article: KnowledgeArticle): ArticleTerms {
    const titleTokens = this.analyzer.tokens(article.title);
    // Stop words are indexed too: the search leaves them out of body scores, but their
    // frequency must be known, or "what" would look rare and make every "What is…" title win.
    const bodyStems = this.analyzer.tokens(article.text).map((token) => token.stem);
    return {
      title: count(titleTokens.map((token) => token.stem)),
      body: count(bodyStems),
      titlePairs: count(pairsOf(titleTokens)),
      titleLength: titleTokens.length,
      bodyLength: bodyStems.length,
    };
  }

  add(article: KnowledgeArticle): void {
    this.remove(article.id);
    // A copy: the terms are derived from it again on removal, so it must not change under the index.
    const stored = { ...article };
    const terms = this.termsOf(stored);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[slot] = {
      slot,
      article: stored,
      titleLength: terms.titleLength,
      bodyLength: terms.bodyLength,
    };
    this.slotById.set(article.id, slot);
    addPostings(this.title, terms.title, slot);
    addPostings(this.body, terms.body, slot);
    addPostings(this.titlePairs, terms.titlePairs, slot);
    for (const term of new Set([...terms.title.keys(), ...terms.body.keys()])) {
      const before = this.articleFrequency.get(term);
      if (before === undefined) this.vocabularyChanged();
      this.articleFrequency.set(term, (before ?? 0) + 1);
    }
    this.titleLengthSum += terms.titleLength;
    this.bodyLengthSum += terms.bodyLength;
  }

  remove(articleId: string): void {
    const slot = this.slotById.get(articleId);
    if (slot === undefined) return;
    const indexed = this.slots[slot];
    this.slotById.delete(articleId);
    this.slots[slot] = undefined;
    this.freeSlots.push(slot);
    if (!indexed) return;
    this.recentPassages.delete(indexed);
    const terms = this.termsOf(indexed.article);
    removePostings(this.title, terms.title, slot);
    removePostings(this.body, terms.body, slot);
    removePostings(this.titlePairs, terms.titlePairs, slot);
    for (const term of new Set([...terms.title.keys(), ...terms.body.keys()])) {
      const after = (this.articleFrequency.get(term) ?? 1) - 1;
      if (after > 0) this.articleFrequency.set(term, after);
      else {
        this.articleFrequency.delete(term);
        this.vocabularyChanged();
      }
    }
    this.titleLengthSum -= terms.titleLength;
    this.bodyLengthSum -= terms.bodyLength;
  }
}
