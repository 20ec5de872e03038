import { describe, expect, it } from "vitest";
import { renderArticleBody } from "./article-rendering.ts";
import { htmlToText } from "./html-text.ts";

describe("the plain text of an article", () => {
  it("separates paragraphs with blank lines and collapses whitespace", () => {
    expect(htmlToText("<p>One   two\n  three</p>\n\n<p>Four</p><blockquote><p>Five</p></blockquote>")).toBe(
      "One two three\n\nFour\n\nFive",
    );
  });

  it("keeps a heading on its own line, right above its first paragraph", () => {
    expect(
      htmlToText("<h1>Returns</h1><p>Within 30 days.</p><h2>Exchanges</h2><h3>Sizes</h3><p>Any.</p>"),
    ).toBe("Returns\nWithin 30 days.\n\nExchanges\n\nSizes\nAny.");
  });

  it("writes list items as lines starting with a hyphen, nested ones indented", () => {
    expect(
      htmlToText(
        "<p>Steps:</p><ol><li>Open <b>Orders</b></li><li>Pick one<ul><li>a</li><li>b</li></ul></li><li>Done</li></ol><p>End</p>",
      ),
    ).toBe("Steps:\n\n- Open Orders\n- Pick one\n  - a\n  - b\n- Done\n\nEnd");
    // A loose Markdown list wraps its items in paragraphs; the list stays one passage.
    expect(htmlToText("<ul><li><p>one</p></li><li><p>two</p></li></ul>")).toBe("- one\n- two");
  });

  it("decodes entities and leaves no tag", () => {
    const text = htmlToText(
      '<p>Fish &amp; chips &lt;b&gt; &eacute;t&eacute; &#8364;5&nbsp;each</p><p><a href="https://x.y">link</a></p>',
    );
    expect(text).toBe("Fish & chips <b> été €5 each\n\nlink");
  });

  it("breaks lines at <br>, writes table rows as lines and keeps preformatted text as it is", () => {
    expect(htmlToText("<p>Line one<br>Line two</p>")).toBe("Line one\nLine two");
    expect(
      htmlToText(
        "<table><thead><tr><th>Item</th>\n<th>Days</th></tr></thead><tbody><tr><td>Shoes</td><td>30</td></tr></tbody></table>",
      ),
    ).toBe("Item | Days\nShoes | 30");
    expect(htmlToText("<p>Run:</p><pre><code>npm install\n\n  npm start\n</code></pre><p>Done</p>")).toBe(
      "Run:\n\nnpm install\n\n  npm start\n\nDone",
    );
  });

  it("reads a Markdown article the way search will", () => {
    const { text } = renderArticleBody(
      "# Where is my order?\n\nMost orders arrive in **3 to 5** days.\nTracking links are e-mailed.\n\n## Late orders\n\n- Check the tracking link\n- Write to us\n\n---\n\n*Still stuck?* [Chat with us](https://example.com/chat).",
      "markdown",
    );
    expect(text).toBe(
      "Where is my order?\nMost orders arrive in 3 to 5 days. Tracking links are e-mailed.\n\nLate orders\n- Check the tracking link\n- Write to us\n\nStill stuck? Chat with us.",
    );
  });
});
