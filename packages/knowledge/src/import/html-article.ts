import { Parser } from "htmlparser2";
import { type ArticleFieldName, checkArticleFields, titleFromFileName } from "./article-fields.ts";
import type { ParsedArticles } from "./imported-article.ts";

interface Range {
  start: number;
  end: number;
}

/** What an HTML page says about itself, with positions into the text. */
interface PageOutline {
  language?: { value: string; index: number };
  title?: { text: string; index: number };
  firstHeading?: { text: string; element: Range };
  head?: Range;
  /** Inside the <body> tags. */
  body?: Range;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function outlineOf(html: string): PageOutline {
  const outline: PageOutline = {};
  let titleText: string | null = null;
  let titleIndex = 0;
  let heading: { text: string; start: number } | null = null;
  let headStart = -1;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "html" && attributes.lang && !outline.language) {
          outline.language = { value: attributes.lang, index: parser.startIndex };
        } else if (name === "title" && titleText === null && !outline.title) {
          titleText = "";
          titleIndex = parser.startIndex;
        } else if (name === "h1" && !outline.firstHeading && heading === null) {
          heading = { text: "", start: parser.startIndex };
        } else if (name === "head" && headStart < 0) {
          headStart = parser.startIndex;
        } else if (name === "body" && !outline.body) {
          outline.body = { start: parser.endIndex + 1, end: html.length };
        }
      },
      ontext(text) {
        if (titleText !== null) titleText += text;
        if (heading !== null) heading.text += text;
      },
      onclosetag(name, isImplied) {
        const end = isImplied ? parser.startIndex : parser.endIndex + 1;
        if (name === "title" && titleText !== null) {
          outline.title = { text: collapse(titleText), index: titleIndex };
          titleText = null;
        } else if (name === "h1" && heading !== null) {
          outline.firstHeading = { text: collapse(heading.text), element: { start: heading.start, end } };
          heading = null;
        } else if (name === "head" && headStart >= 0 && !outline.head) {
          outline.head = { start: headStart, end };
        } else if (name === "body" && outline.body && !isImplied) {
          outline.body.end = parser.startIndex;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return outline;
}

/** The article's HTML: inside <body>, else what follows <head>, without the document's own tags. */
function bodyHtml(html: string, outline: PageOutline): Range {
  if (outline.body) return outline.body;
  const start = outline.head?.end ?? 0;
  return { start, end: html.length };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let position = text.indexOf("\n"); position >= 0 && position < index; ) {
    line += 1;
    position = text.indexOf("\n", position + 1);
  }
  return line;
}

/**
 * Reads one HTML article (bodyFormat html; the server sanitizes it): the title is the page's
 * <title>, else its first <h1>, else the file name; the first <h1> is taken out of the body
 * when it repeats the title. `<html lang>` gives the language. The server keeps only safe
 * markup, so scripts and styles need no handling here.
 */
export function parseHtmlArticle(content: string, file: string): ParsedArticles {
  const html = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const outline = outlineOf(html);
  const heading = outline.firstHeading;
  const title = outline.title?.text || heading?.text || titleFromFileName(file);
  const range = bodyHtml(html, outline);
  let body = html.slice(range.start, range.end);
  if (heading && collapse(heading.text).toLowerCase() === collapse(title).toLowerCase()) {
    const { start, end } = heading.element;
    if (start >= range.start && end <= range.end) {
      body = html.slice(range.start, start) + html.slice(end, range.end);
    }
  }
  body = body
    .replace(/<!doctype[^>]*>/gi, "")
    .replace(/<\/?(?:html|body)(?:\s[^>]*)?>/gi, "")
    .trim();

  const fields: Partial<Record<ArticleFieldName, unknown>> = { title, body, bodyFormat: "html" };
  if (outline.language) fields.language = outline.language.value;
  const lines: Partial<Record<ArticleFieldName, number>> = {
    title: lineAt(html, outline.title?.index ?? heading?.element.start ?? 0),
    body: lineAt(html, range.start),
    language: lineAt(html, outline.language?.index ?? 0),
  };
  const source = { file, line: 1 };
  const checked = checkArticleFields({ source, fields, lineOf: (field) => lines[field] });
  return {
    articles: checked.article ? [{ source, article: checked.article }] : [],
    problems: checked.problems,
  };
}
