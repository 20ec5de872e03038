import { parseCsvArticles } from "./csv-articles.ts";
import { parseHtmlArticle } from "./html-article.ts";
import type { ParsedArticles } from "./imported-article.ts";
import { parseJsonLinesArticles } from "./json-lines-articles.ts";
import { parseMarkdownArticle } from "./markdown-article.ts";

type Parser = (content: string, file: string) => ParsedArticles;

const parsersByExtension: Record<string, Parser> = {
  ".md": parseMarkdownArticle,
  ".markdown": parseMarkdownArticle,
  ".html": parseHtmlArticle,
  ".htm": parseHtmlArticle,
  ".jsonl": parseJsonLinesArticles,
  ".csv": parseCsvArticles,
};

/** The file extensions articles are imported from, lower-case with the dot. */
export const articleFileExtensions: readonly string[] = Object.keys(parsersByExtension);

function extensionOf(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot).toLowerCase();
}

export function isArticleFile(file: string): boolean {
  return Object.hasOwn(parsersByExtension, extensionOf(file));
}

/**
 * Reads the articles of one file, in the format its extension names: Markdown (one article,
 * optional front matter), HTML (one article), JSON lines or CSV (one article per line or row).
 */
export function parseArticleFile(file: string, content: string): ParsedArticles {
  const parser = parsersByExtension[extensionOf(file)];
  if (!parser) {
    const message = `cannot import ${extensionOf(file) || "files without an extension"}; use ${articleFileExtensions.join(", ")}`;
    return { articles: [], problems: [{ source: { file, line: 1 }, message, severity: "error" }] };
  }
  return parser(content, file);
}
