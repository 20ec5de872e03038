import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseArticleFile } from "./article-files.ts";
import { parseMarkdownArticle } from "./markdown-article.ts";

const demoFolder = fileURLToPath(new URL("../../../server/src/bootstrap/demo-help-center/", import.meta.url));

describe("parseMarkdownArticle", () => {
  it("reads the front matter fields and keeps the text below as the body", () => {
    const parsed = parseMarkdownArticle(
      [
        "---",
        "title: What is your return policy?",
        "slug: return-policy",
        "language: pt-BR",
        "categories: [Returns, Policies]",
        "status: published",
        "visibility: internal",
        "---",
        "",
        "You can return most items within **30 days**.",
        "",
      ].join("\n"),
      "help/return-policy.md",
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles).toEqual([
      {
        source: { file: "help/return-policy.md", line: 1 },
        article: {
          title: "What is your return policy?",
          body: "You can return most items within **30 days**.",
          bodyFormat: "markdown",
          slug: "return-policy",
          language: "pt-br",
          categories: ["Returns", "Policies"],
          status: "published",
          visibility: "internal",
        },
      },
    ]);
  });

  it("takes the title from the first # heading, outside code blocks, and removes it from the body", () => {
    const text = "Intro line\n\n```sh\n# not a title\n```\n\n# Track your order\n\nOpen Orders.\r\n";
    const [entry] = parseMarkdownArticle(text, "track.md").articles;
    expect(entry?.article.title).toBe("Track your order");
    expect(entry?.article.body).toBe("Intro line\n\n```sh\n# not a title\n```\n\n\nOpen Orders.");
  });

  it("falls back on the file name when there is no front matter and no heading", () => {
    const [entry] = parseMarkdownArticle("Just text.", "docs/how_to-reset-password.markdown").articles;
    expect(entry?.article).toMatchObject({ title: "How to reset password", body: "Just text." });
  });

  it("uses the heading when the front matter has no title, and refuses a file with neither", () => {
    const withHeading = parseMarkdownArticle("---\nslug: gifts\n---\n# Gift cards\nText", "a.md");
    expect(withHeading.articles[0]?.article).toMatchObject({
      title: "Gift cards",
      slug: "gifts",
      body: "Text",
    });
    const without = parseMarkdownArticle("---\nslug: gifts\n---\nText", "a.md");
    expect(without.articles).toEqual([]);
    expect(without.problems).toEqual([
      {
        source: { file: "a.md", line: 1 },
        field: "title",
        message: "title is missing: add title: to the front matter, or start the text with a # heading",
        severity: "error",
      },
    ]);
  });

  it("reports each wrong field at its front matter line, and every problem at once", () => {
    const parsed = parseMarkdownArticle(
      "---\ntitle: Returns\nslug: Return Policy\nlanguage: english\nstatus: live\ncategories: {a: 1}\n---\nText",
      "returns.md",
    );
    expect(parsed.articles).toEqual([]);
    expect(parsed.problems.map(({ source, field, severity }) => [source.line, field, severity])).toEqual([
      [4, "language", "error"],
      [3, "slug", "error"],
      [6, "categories", "error"],
      [5, "status", "error"],
    ]);
    expect(parsed.problems.find((problem) => problem.field === "status")?.message).toBe(
      "status must be one of: draft, published",
    );
  });

  it("warns about unknown keys without blocking, silently skips the known harmless ones, and names a typo", () => {
    const parsed = parseMarkdownArticle(
      "---\ntitle: Returns\ntranslationOf: return-policy\ntestNote: x\ndescription: y\nauthor: Sam\nStatus: published\n---\nText",
      "returns.md",
    );
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.problems).toEqual([
      {
        source: { file: "returns.md", line: 6 },
        field: "author",
        message: "author is not an article field, so it is ignored",
        severity: "warning",
      },
      {
        source: { file: "returns.md", line: 7 },
        field: "Status",
        message: "Status is not an article field, so it is ignored; did you mean status?",
        severity: "warning",
      },
    ]);
  });

  it("refuses front matter that is not closed, not YAML, or not keys", () => {
    const cases: [string, number, string][] = [
      ["---\ntitle: Returns\nText", 1, "the front matter is not closed"],
      ["---\ntitle: Returns\nslug: [a\n---\nText", 3, "the front matter is not valid YAML"],
      ["---\n- a\n- b\n---\nText", 2, "the front matter must be key: value lines"],
    ];
    for (const [text, line, message] of cases) {
      const parsed = parseMarkdownArticle(text, "bad.md");
      expect(parsed.articles).toEqual([]);
      expect(parsed.problems[0]?.source.line).toBe(line);
      expect(parsed.problems[0]?.message).toContain(message);
    }
  });

  it("warns about an article without text, and refuses a title over 300 characters", () => {
    const empty = parseMarkdownArticle("---\ntitle: Empty\n---\n\n", "empty.md");
    expect(empty.articles).toHaveLength(1);
    expect(empty.problems).toEqual([
      {
        source: { file: "empty.md", line: 4 },
        field: "body",
        message: "the article has no text",
        severity: "warning",
      },
    ]);
    const long = parseMarkdownArticle(`# ${"x".repeat(301)}\nText`, "long.md");
    expect(long.articles).toEqual([]);
    expect(long.problems[0]).toMatchObject({ field: "title", source: { line: 1 } });
  });
});

describe("the demo help center", () => {
  const files = readdirSync(demoFolder).filter((name) => name.endsWith(".md"));

  it("has 37 articles, and every one parses with no problem", () => {
    expect(files).toHaveLength(37);
    const articles = files.flatMap((name) => {
      const parsed = parseArticleFile(name, readFileSync(`${demoFolder}${name}`, "utf8"));
      expect(parsed.problems, name).toEqual([]);
      return parsed.articles.map((entry) => entry.article);
    });
    expect(articles).toHaveLength(37);
    for (const article of articles) {
      expect(article.slug).toMatch(/^[a-z0-9-]+$/);
      expect(["en", "es", "pt"]).toContain(article.language);
      expect(article.categories?.length).toBeGreaterThan(0);
      expect(article.body.startsWith("---")).toBe(false);
    }
    expect(new Set(articles.map((article) => `${article.language}/${article.slug}`)).size).toBe(37);
  });
});
