import {
  ArticleIndex,
  type EvaluationArticle,
  indexSearch,
  type KnowledgeArticle,
  type RankingSearch,
} from "@parley/knowledge";
import MiniSearch from "minisearch";

/** One search engine under test: it indexes articles and returns article ids, best first. */
export interface SearchSide {
  name: string;
  build(articles: readonly KnowledgeArticle[]): RankingSearch;
}

export function toKnowledgeArticle(article: EvaluationArticle): KnowledgeArticle {
  return {
    id: article.id,
    title: article.title,
    text: article.body,
    language: article.language ?? "en",
    url: `https://help.example.com/articles/${article.id}`,
  };
}

export const parleySearch: SearchSide = {
  name: "Parley",
  build(articles) {
    return indexSearch(new ArticleIndex(articles));
  },
};

/**
 * MiniSearch's BM25 as its documentation sets it up for a help center: title
 * and body, the title boosted, fuzzy matching and prefix search on.
 */
export const miniSearch: SearchSide = {
  name: "MiniSearch",
  build(articles) {
    const index = new MiniSearch<{ id: string; title: string; text: string }>({
      fields: ["title", "text"],
      searchOptions: { boost: { title: 2 }, fuzzy: 0.2, prefix: true },
    });
    index.addAll(articles.map(({ id, title, text }) => ({ id, title, text })));
    return (query, limit) => ({
      articleIds: index
        .search(query)
        .slice(0, limit)
        .map((result) => String(result.id)),
      relevant: null,
    });
  },
};
