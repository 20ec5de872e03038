import { describe, expect, it } from "vitest";
import { parseHtmlArticle } from "./html-article.ts";

describe("parseHtmlArticle", () => {
  it("takes the title from <title>, the language from <html lang>, and the body from <body>", () => {
    const parsed = parseHtmlArticle(
      [
        "<!doctype html>",
        '<html lang="es">',
        "<head><title>Envíos &amp; entregas</title><style>p{}</style></head>",
        "<body>",
        "<h1>Envíos &amp; entregas</h1>",
        "<p>Tres días.</p>",
        "</body>",
        "</html>",
      ].join("\n"),
      "envios.html",
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles).toEqual([
      {
        source: { file: "envios.html", line: 1 },
        article: {
          title: "Envíos & entregas",
          body: "<p>Tres días.</p>",
          bodyFormat: "html",
          language: "es",
        },
      },
    ]);
  });

  it("takes the title from the first <h1> of a fragment, and else from the file name", () => {
    const fragment = parseHtmlArticle("<h1>Gift cards</h1>\n<p>They never expire.</p>", "gifts.htm");
    expect(fragment.articles[0]?.article).toMatchObject({
      title: "Gift cards",
      body: "<p>They never expire.</p>",
    });
    const bare = parseHtmlArticle("<p>Text</p>", "store-credit.html");
    expect(bare.articles[0]?.article).toMatchObject({ title: "Store credit", body: "<p>Text</p>" });
  });

  it("keeps an <h1> that is not the title, and refuses a wrong language at its line", () => {
    const kept = parseHtmlArticle("<title>Returns</title><h1>Before you start</h1><p>x</p>", "r.html");
    expect(kept.articles[0]?.article.body).toContain("<h1>Before you start</h1>");
    const wrong = parseHtmlArticle(
      '<!doctype html>\n<html lang="english"><body><p>x</p></body></html>',
      "r.html",
    );
    expect(wrong.articles).toEqual([]);
    expect(wrong.problems).toMatchObject([{ field: "language", source: { line: 2 }, severity: "error" }]);
  });
});
