import { Marked } from "marked";
import type { ArticleBodyFormat } from "../database/schema/index.ts";
import { sanitizeArticleHtml } from "./html-sanitizing.ts";
import { htmlToText } from "./html-text.ts";

/** An article body in the three forms the store keeps. */
export interface RenderedArticle {
  /** Markdown as written; HTML already sanitized, so nothing unsafe is kept even where nobody looks. */
  body: string;
  /** Sanitized HTML: what the public page and the widget show. */
  html: string;
  /** Plain text with blank lines between paragraphs: what search and answers read. */
  text: string;
}

/**
 * A private instance: options set on the shared `marked` object would leak into (or from) any
 * other code in the process that renders Markdown. GitHub's flavour, since that is what help
 * center exports and people write; raw HTML inside passes through here and is sanitized below.
 */
const markdown = new Marked({ gfm: true, breaks: false });

function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}

export function renderArticleBody(body: string, format: ArticleBodyFormat): RenderedArticle {
  if (format === "html") {
    const html = sanitizeArticleHtml(body);
    return { body: html, html, text: htmlToText(html) };
  }
  const html = sanitizeArticleHtml(renderMarkdown(body));
  return { body, html, text: htmlToText(html) };
}
