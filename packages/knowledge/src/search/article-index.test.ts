import { describe, expect, it } from "vitest";
import { storeArticles } from "../test-fixtures/store-articles.ts";
import { ArticleIndex } from "./article-index.ts";

const index = () => new ArticleIndex(storeArticles);
const first = (search: ReturnType<ArticleIndex["search"]>) => search.hits[0]?.articleId;

describe("ArticleIndex.search", () => {
  it("ranks the article that answers the question first, with its title, link and a snippet", () => {
    const result = index().search("how long does express shipping take", { language: "en" });
    expect(first(result)).toBe("shipping");
    expect(result.relevant).toBe(true);
    expect(result.hits[0]).toMatchObject({
      title: "Shipping options and delivery times",
      url: "https://help.example.com/articles/shipping",
    });
    expect(result.hits[0]?.snippet).toContain("Express shipping");
  });

  it("matches word forms and typos", () => {
    expect(first(index().search("I returned a sweater", { language: "en" }))).toBe("returns");
    expect(first(index().search("when is my refnud coming", { language: "en" }))).toBe("refunds");
    expect(first(index().search("forgot my pasword", { language: "en" }))).toBe("password");
  });

  it("searches only the customer's language, on its base tag", () => {
    expect(first(index().search("devolver un artículo", { language: "es-MX" }))).toBe("devoluciones");
    expect(
      index()
        .search("devolver un articulo", { language: "en" })
        .hits.map((hit) => hit.articleId),
    ).not.toContain("devoluciones");
    expect(index().search("return an item", { language: "fr" })).toEqual({ hits: [], relevant: false });
  });

  it("judges a question no article answers as not relevant", () => {
    const result = index().search("what is the capital of australia", { language: "en" });
    expect(result.relevant).toBe(false);
  });

  it("keeps a list with the line that introduces it in the best passage", () => {
    const passages = index().search("how do I start a return", { language: "en" }).hits[0]?.passages ?? [];
    expect(passages[0]?.text).toContain("To start a return:");
    expect(passages[0]?.text).toContain("Print the prepaid label");
  });

  it("returns at most `limit` articles, between 1 and 20", () => {
    expect(index().search("return refund shipping password", { language: "en", limit: 2 }).hits).toHaveLength(
      2,
    );
    expect(index().search("return refund shipping password", { language: "en", limit: 0 }).hits).toHaveLength(
      1,
    );
  });

  it("gives article deflection only the relevant articles, and none for an unrelated question", () => {
    const articles = index();
    const shown = articles.relevantArticles("how long does express shipping take", { language: "en" });
    expect(shown[0]?.articleId).toBe("shipping");
    expect(shown.every((hit) => hit.relevance >= 0.6)).toBe(true);
    expect(articles.relevantArticles("what is the capital of australia", { language: "en" })).toEqual([]);
  });

  it("finds nothing, without throwing, for input that is not a question", () => {
    for (const query of [undefined, null, 42, { text: "refund" }, "", "   ", "?!…"]) {
      expect(index().search(query, { language: "en" })).toEqual({ hits: [], relevant: false });
    }
    expect(() => index().search("refund ".repeat(10_000), { language: "en" })).not.toThrow();
  });

  it("makes an updated article searchable at once, and a removed one unsearchable", () => {
    const articles = index();
    articles.upsert({
      ...(storeArticles[3] as (typeof storeArticles)[number]),
      title: "Unlock your account",
      text: "Accounts lock after five wrong sign-in attempts.",
    });
    expect(first(articles.search("my account is locked", { language: "en" }))).toBe("password");
    articles.remove("password");
    expect(
      articles.search("my account is locked", { language: "en" }).hits.map((hit) => hit.articleId),
    ).not.toContain("password");
    expect(articles.size).toBe(storeArticles.length - 1);
  });

  it("moves an article to its new language when it changes", () => {
    const articles = index();
    articles.upsert({ ...(storeArticles[4] as (typeof storeArticles)[number]), language: "pt" });
    expect(articles.search("devolver", { language: "es" }).hits).toHaveLength(0);
    expect(first(articles.search("devolver", { language: "pt-BR" }))).toBe("devoluciones");
    expect(articles.languages().sort()).toEqual(["en", "pt"]);
  });

  it("answers after many edits exactly as an index built from the final articles", () => {
    const edited = new ArticleIndex(storeArticles);
    const english = storeArticles.filter((article) => article.language === "en");
    // Every article edited twice, half of them removed and put back, a caller's object changed after the
    // upsert: the postings of each edit must leave with it, whatever order the slots are reused in.
    for (const round of [1, 2]) {
      for (const article of english) {
        edited.upsert({
          ...article,
          text: `${article.text}\n\nRevision ${round}: shipping refund password.`,
        });
      }
    }
    for (const article of english.slice(0, english.length / 2)) edited.remove(article.id);
    const final = english.map((article) => ({
      ...article,
      text: `${article.text}\n\nRevision 2: shipping refund password.`,
    }));
    for (const article of final.slice(0, english.length / 2)) {
      const caller = { ...article };
      edited.upsert(caller);
      caller.text = "changed by the caller afterwards";
    }
    const fresh = new ArticleIndex([
      ...final,
      ...storeArticles.filter((article) => article.language !== "en"),
    ]);
    const ranking = (articles: ArticleIndex, question: string) =>
      articles
        .search(question, { language: "en", limit: 20 })
        .hits.map((hit) => `${hit.articleId} ${hit.score.toFixed(6)} ${hit.snippet}`)
        .sort();
    for (const question of ["where is my refund", "shipping to canada", "reset password", "revision"]) {
      expect(ranking(edited, question)).toEqual(ranking(fresh, question));
    }
  });
});
