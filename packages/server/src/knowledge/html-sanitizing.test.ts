import { describe, expect, it } from "vitest";
import { renderArticleBody } from "./article-rendering.ts";
import { sanitizeArticleHtml } from "./html-sanitizing.ts";
import { expectHarmless, hostileHtml } from "./knowledge-test-support.ts";

describe("sanitizing article HTML", () => {
  it("drops scripts with their content, keeping the text around them", () => {
    expect(sanitizeArticleHtml("<p>Hello</p><script>alert('x')</script><p>there</p>")).toBe(
      "<p>Hello</p><p>there</p>",
    );
    expect(sanitizeArticleHtml("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>ok")).toBe("ok");
  });

  it("drops event handlers, and images left without a safe source", () => {
    expect(sanitizeArticleHtml('<img src="https://example.com/a.png" alt="A" onerror="alert(1)">')).toBe(
      // The source moves last: the sanitizer sets it after checking it.
      '<img alt="A" src="https://example.com/a.png" />',
    );
    expect(sanitizeArticleHtml("<img src=x onerror=alert(1)>")).toBe("");
    expect(sanitizeArticleHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toBe("");
    expect(sanitizeArticleHtml('<p onmouseover="alert(1)">Hi</p>')).toBe("<p>Hi</p>");
  });

  it("keeps http, https and mailto links only, however javascript: is spelled", () => {
    for (const href of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java&#x09;script:alert(1)",
      "javascript&colon;alert(1)",
      "&#106;avascript:alert(1)",
      "vbscript:msgbox(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "/relative/path",
      "//evil.example/protocol-relative",
    ]) {
      const html = sanitizeArticleHtml(`<a href="${href}">link</a>`);
      expect(html, href).toBe("<a>link</a>");
    }
    expect(
      sanitizeArticleHtml('<a href="https://example.com/returns" target="_blank" rel="opener">x</a>'),
    ).toBe('<a href="https://example.com/returns" rel="noopener noreferrer nofollow">x</a>');
    expect(sanitizeArticleHtml('<a href="mailto:help@example.com">mail</a>')).toContain(
      'href="mailto:help@example.com"',
    );
  });

  it("drops frames, objects and forms, with what they hold", () => {
    expect(sanitizeArticleHtml('<iframe src="https://evil.example">inside</iframe><p>kept</p>')).toBe(
      "<p>kept</p>",
    );
    expect(sanitizeArticleHtml('<object data="x.swf"></object><embed src="x.swf">')).toBe("");
    expect(sanitizeArticleHtml('<form action="https://evil.example"><input name="card"></form>ok')).toBe(
      "ok",
    );
  });

  it("drops style sheets and style attributes", () => {
    expect(sanitizeArticleHtml('<style>p { color: red }</style><p style="color:red">Text</p>')).toBe(
      "<p>Text</p>",
    );
  });

  it("drops SVG and MathML islands, whatever they hide", () => {
    for (const html of [
      '<svg onload="alert(1)"><circle r="5"/></svg>',
      "<svg><script>alert(1)</script></svg>",
      '<svg><a xlink:href="javascript:alert(1)"><text>click</text></a></svg>',
      '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    ]) {
      const clean = sanitizeArticleHtml(html);
      expectHarmless(clean);
      expect(clean, html).not.toContain("<a");
    }
  });

  it("keeps the structure help articles use", () => {
    const html =
      '<h2>Returns</h2><p><strong>Free</strong> <em>within</em> 30 days.<br>Ask <code>us</code>.</p><ul><li>One</li></ul><ol start="3"><li>Three</li></ol><blockquote>Quote</blockquote><pre><code>code</code></pre><table><thead><tr><th colspan="2">H</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table><hr><img alt="X" src="https://example.com/x.png">';
    expect(sanitizeArticleHtml(html)).toBe(
      html.replace("<br>", "<br />").replace("<hr>", "<hr />").replace('.png">', '.png" />'),
    );
  });

  it("leaves nothing harmful of a body full of tricks", () => {
    const clean = sanitizeArticleHtml(hostileHtml);
    expectHarmless(clean);
    expect(clean).toContain("<p>Before</p>");
    expect(clean).toContain("<p>After</p>");
  });
});

describe("rendering Markdown bodies", () => {
  it("renders GitHub-flavoured Markdown and sanitizes the raw HTML inside it", () => {
    const rendered = renderArticleBody(
      '# Returns\n\n<script>alert(1)</script>\n\nSee [our policy](https://example.com/policy) or [this](javascript:alert(1)).\n\n<img src=x onerror=alert(1)>\n\n<div onclick="alert(1)">Inline <b>HTML</b></div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] a task',
      "markdown",
    );
    expectHarmless(rendered.html);
    expect(rendered.html).toContain("<h1>Returns</h1>");
    expect(rendered.html).toContain(
      '<a href="https://example.com/policy" rel="noopener noreferrer nofollow">',
    );
    expect(rendered.html).toContain("<table>");
    expect(rendered.html).not.toContain("<input");
    // The Markdown is kept as written: it is the author's source, and never served as it is.
    expect(rendered.body).toContain("<script>");
    expect(rendered.text).not.toContain("alert");
  });

  it("stores an HTML body sanitized", () => {
    const rendered = renderArticleBody(hostileHtml, "html");
    expectHarmless(rendered.body);
    expect(rendered.body).toBe(rendered.html);
  });
});
