import { analyzerFor, baseLanguage } from "../text/analyzer.ts";
import type { KnowledgeArticle, SearchHit, SearchOptions, SearchResult } from "../types.ts";
import { LanguagePartition } from "./language-partition.ts";
import { queryWords, rankArticles } from "./rank-articles.ts";
import { questionFigures, relevanceOf } from "./relevance.ts";
import { type SearchSettings, searchSettings } from "./search-settings.ts";
import { bestPassages, snippetOf } from "./snippets.ts";

/** Questions are cut to this many characters: a pasted essay is not a better question. */
export const maximumQueryLength = 1000;
/** Articles returned at most by one search. */
export const maximumSearchLimit = 20;
const passagesPerHit = 3;

const empty: SearchResult = { hits: [], relevant: false };

/**
 * The searchable articles of one knowledge base, by language. Only the
 * articles given are ever searched, so the caller decides what customers may
 * see (published and public); a question finds articles in its own language
 * only (spec 07: no answer in a language the help center does not have).
 */
export class ArticleIndex {
  private readonly partitions = new Map<string, LanguagePartition>();
  private readonly languageById = new Map<string, string>();
  private readonly settings: SearchSettings;

  constructor(articles: Iterable<KnowledgeArticle> = [], settings: Partial<SearchSettings> = {}) {
    this.settings = { ...searchSettings, ...settings };
    for (const article of articles) this.upsert(article);
  }

  get size(): number {
    return this.languageById.size;
  }

  /** The languages that have articles, as base language tags. */
  languages(): string[] {
    return [...this.partitions].filter(([, partition]) => partition.size > 0).map(([language]) => language);
  }

  /** Adds an article, or replaces the one with its id (its language may have changed). */
  upsert(article: KnowledgeArticle): void {
    this.remove(article.id);
    const language = baseLanguage(article.language);
    let partition = this.partitions.get(language);
    if (!partition) {
      partition = new LanguagePartition(analyzerFor(language));
      this.partitions.set(language, partition);
    }
    partition.add(article);
    this.languageById.set(article.id, language);
  }

  remove(articleId: string): void {
    const language = this.languageById.get(articleId);
    if (language === undefined) return;
    this.partitions.get(language)?.remove(articleId);
    this.languageById.delete(articleId);
  }

  /**
   * What article deflection shows (spec 04): the articles relevant to the question, best first;
   * none when the best one does not answer it.
   */
  relevantArticles(query: unknown, options: SearchOptions): SearchHit[] {
    const result = this.search(query, options);
    if (!result.relevant) return [];
    return result.hits.filter((hit) => hit.relevance >= this.settings.relevanceThreshold);
  }

  /**
   * The articles that best answer a question, best first, each with its best
   * passages and a snippet. Never throws on customer input: a question that
   * is not text, is empty or has no words finds nothing.
   */
  search(query: unknown, options: SearchOptions): SearchResult {
    if (typeof query !== "string") return empty;
    const partition = this.partitions.get(baseLanguage(options.language));
    if (!partition || partition.size === 0) return empty;
    const tokens = partition.analyzer.tokens(query.slice(0, maximumQueryLength));
    if (tokens.length === 0) return empty;
    const limit = Math.max(1, Math.min(maximumSearchLimit, Math.floor(options.limit ?? 3)));
    const words = queryWords(partition, tokens, this.settings);
    const ranked = rankArticles(partition, tokens, words, this.settings).slice(0, limit);
    const question = questionFigures(words);
    const hits: SearchHit[] = ranked.flatMap(({ slot, score, coverage }) => {
      const indexed = partition.slots[slot];
      if (!indexed) return [];
      const passages = bestPassages(partition, indexed, words, passagesPerHit);
      return [
        {
          articleId: indexed.article.id,
          title: indexed.article.title,
          url: indexed.article.url,
          snippet: snippetOf(passages[0]?.text ?? indexed.article.text, this.settings.snippetLength),
          score,
          relevance: relevanceOf(coverage, question, this.settings),
          coverage,
          passages,
        },
      ];
    });
    const best = hits[0];
    return {
      hits,
      relevant: best !== undefined && best.relevance >= this.settings.relevanceThreshold,
      question,
    };
  }
}
