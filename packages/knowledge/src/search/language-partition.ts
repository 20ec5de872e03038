import type { Analyzer, Token } from "../text/analyzer.ts";
import { splitPassages } from "../text/passages.ts";
import type { KnowledgeArticle } from "../types.ts";
import { TypoCandidates } from "./typo-candidates.ts";

/** Term counts of one field of one article. */
type Counts = Map<string, number>;

export interface IndexedArticle {
  slot: number;
  article: KnowledgeArticle;
  title: Counts;
  body: Counts;
  titlePairs: Counts;
  titleLength: number;
  bodyLength: number;
  passages: string[];
  /** The stems of each passage, for choosing the passage that answers the question. */
  passageStems: string[][];
}

/** term → article slot → count. */
type Postings = Map<string, Map<number, number>>;

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
      list = new Map();
      postings.set(term, list);
    }
    list.set(slot, amount);
  }
}

function removePostings(postings: Postings, counts: Counts, slot: number): void {
  for (const term of counts.keys()) {
    const list = postings.get(term);
    if (!list) continue;
    list.delete(slot);
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

  add(article: KnowledgeArticle): void {
    this.remove(article.id);
    const titleTokens = this.analyzer.tokens(article.title);
    const passages = splitPassages(article.text);
    const passageTokens = passages.map((passage) => this.analyzer.tokens(passage));
    // Stop words are indexed too: the search leaves them out of body scores, but their
    // frequency must be known, or "what" would look rare and make every "What is…" title win.
    const bodyStems = passageTokens.flat().map((token) => token.stem);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const indexed: IndexedArticle = {
      slot,
      article,
      title: count(titleTokens.map((token) => token.stem)),
      body: count(bodyStems),
      titlePairs: count(pairsOf(titleTokens)),
      titleLength: titleTokens.length,
      bodyLength: bodyStems.length,
      passages,
      passageStems: passageTokens.map((tokens) => tokens.map((token) => token.stem)),
    };
    this.slots[slot] = indexed;
    this.slotById.set(article.id, slot);
    addPostings(this.title, indexed.title, slot);
    addPostings(this.body, indexed.body, slot);
    addPostings(this.titlePairs, indexed.titlePairs, slot);
    for (const term of new Set([...indexed.title.keys(), ...indexed.body.keys()])) {
      const before = this.articleFrequency.get(term);
      if (before === undefined) this.vocabularyChanged();
      this.articleFrequency.set(term, (before ?? 0) + 1);
    }
    this.titleLengthSum += indexed.titleLength;
    this.bodyLengthSum += indexed.bodyLength;
  }

  remove(articleId: string): void {
    const slot = this.slotById.get(articleId);
    if (slot === undefined) return;
    const indexed = this.slots[slot];
    this.slotById.delete(articleId);
    this.slots[slot] = undefined;
    this.freeSlots.push(slot);
    if (!indexed) return;
    removePostings(this.title, indexed.title, slot);
    removePostings(this.body, indexed.body, slot);
    removePostings(this.titlePairs, indexed.titlePairs, slot);
    for (const term of new Set([...indexed.title.keys(), ...indexed.body.keys()])) {
      const after = (this.articleFrequency.get(term) ?? 1) - 1;
      if (after > 0) this.articleFrequency.set(term, after);
      else {
        this.articleFrequency.delete(term);
        this.vocabularyChanged();
      }
    }
    this.titleLengthSum -= indexed.titleLength;
    this.bodyLengthSum -= indexed.bodyLength;
  }
}
