import { describe, expect, it } from "vitest";
import { parseArticleFile } from "./article-files.ts";
import { parseJsonLinesArticles } from "./json-lines-articles.ts";

describe("parseJsonLinesArticles", () => {
  it("reads one article per line with the API's fields, skipping blank lines", () => {
    const parsed = parseJsonLinesArticles(
      [
        '{"title": "Returns", "body": "Within 30 days.", "categories": ["Returns"], "status": "published"}',
        "",
        '{"title": "Envíos", "body": "<p>Tres días.</p>", "bodyFormat": "html", "language": "es", "slug": "envios"}',
      ].join("\r\n"),
      "faq.jsonl",
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles).toEqual([
      {
        source: { file: "faq.jsonl", line: 1 },
        article: {
          title: "Returns",
          body: "Within 30 days.",
          bodyFormat: "markdown",
          categories: ["Returns"],
          status: "published",
        },
      },
      {
        source: { file: "faq.jsonl", line: 3 },
        article: {
          title: "Envíos",
          body: "<p>Tres días.</p>",
          bodyFormat: "html",
          language: "es",
          slug: "envios",
        },
      },
    ]);
  });

  it("reports every bad line with its number and field, and keeps the good ones", () => {
    const parsed = parseJsonLinesArticles(
      [
        '{"title": "Good", "body": "Text"}',
        "not json",
        "[1, 2]",
        '{"title": "", "body": "Text"}',
        '{"title": "No body"}',
        '{"title": "Bad", "body": "Text", "visibility": "secret", "categories": "One"}',
        '{"title": "Extra", "body": "Text", "id": "42"}',
      ].join("\n"),
      "faq.jsonl",
    );
    expect(parsed.articles.map((entry) => entry.article.title)).toEqual(["Good", "Extra"]);
    expect(parsed.problems.map(({ source, field, severity }) => [source.line, field, severity])).toEqual([
      [2, undefined, "error"],
      [3, undefined, "error"],
      [4, "title", "error"],
      [5, "body", "error"],
      [6, "visibility", "error"],
      [7, "id", "warning"],
    ]);
    expect(parsed.problems[0]?.message).toMatch(/^not valid JSON: /);
    expect(parsed.problems[3]?.message).toBe("body is missing");
  });

  it("is chosen for .jsonl files, and a file of another kind is one problem", () => {
    expect(parseArticleFile("a.JSONL", '{"title": "T", "body": "B"}').articles).toHaveLength(1);
    expect(parseArticleFile("notes.txt", "text").problems[0]?.message).toContain("cannot import .txt");
  });
});
