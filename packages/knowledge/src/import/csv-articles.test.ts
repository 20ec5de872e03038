import { describe, expect, it } from "vitest";
import { parseCsvArticles } from "./csv-articles.ts";

describe("parseCsvArticles", () => {
  it("reads a row per article, with quoted cells over several lines and categories split on ; or |", () => {
    const parsed = parseCsvArticles(
      [
        "Title,Body,Language,Slug,Categories,Status,Visibility,Format",
        'Returns,"Within 30 days.\n\nKeep the receipt.",en,returns,Returns; Policies|Orders,Published,internal,',
        "",
        "Envíos,<p>Tres días.</p>,es,,,,,html",
      ].join("\r\n"),
      "articles.csv",
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles).toEqual([
      {
        source: { file: "articles.csv", line: 2, row: 1 },
        article: {
          title: "Returns",
          body: "Within 30 days.\n\nKeep the receipt.",
          bodyFormat: "markdown",
          language: "en",
          slug: "returns",
          categories: ["Returns", "Policies", "Orders"],
          status: "published",
          visibility: "internal",
        },
      },
      {
        source: { file: "articles.csv", line: 6, row: 2 },
        article: { title: "Envíos", body: "<p>Tres días.</p>", bodyFormat: "html", language: "es" },
      },
    ]);
  });

  it("names each missing required column once, whatever the number of rows", () => {
    const parsed = parseCsvArticles("title,language\nA,en\nB,en\n", "articles.csv");
    expect(parsed.articles).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        source: { file: "articles.csv", line: 1 },
        field: "body",
        message: "the header has no body column",
        severity: "error",
      },
    ]);
  });

  it("reports bad rows by line and row, and warns once about an unknown column", () => {
    const parsed = parseCsvArticles(
      [
        "title,body,status,author",
        "Good,Text,draft,Sam",
        ",Text,,",
        "Bad,Text,live,",
        "Wide,Text,draft,x,extra",
        "Empty,,,",
      ].join("\n"),
      "articles.csv",
    );
    expect(parsed.articles.map((entry) => entry.article.title)).toEqual(["Good", "Empty"]);
    expect(
      parsed.problems.map(({ source, field, severity }) => [source.line, source.row, field, severity]),
    ).toEqual([
      [1, undefined, "author", "warning"],
      [3, 2, "title", "error"],
      [4, 3, "status", "error"],
      [5, 4, undefined, "error"],
      [6, 5, "body", "warning"],
    ]);
  });

  it("reads a file exported with semicolons, and refuses a file that is not CSV or is empty", () => {
    const semicolons = parseCsvArticles("title;body;categories\nA;Text;x|y\n", "excel.csv");
    expect(semicolons.articles[0]?.article).toMatchObject({ title: "A", categories: ["x", "y"] });

    const unclosed = parseCsvArticles('title,body\nA,"never closed\n', "bad.csv");
    expect(unclosed.articles).toEqual([]);
    expect(unclosed.problems[0]?.message).toMatch(/^not valid CSV: /);

    expect(parseCsvArticles("", "empty.csv").problems[0]?.message).toContain("the file is empty");
    const twice = parseCsvArticles("title,body,format,bodyFormat\nA,B,html,html\n", "twice.csv");
    expect(twice.problems[0]?.message).toBe("the column bodyFormat appears twice");
  });
});
