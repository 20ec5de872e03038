import {
  type ArticleFieldName,
  checkArticleFields,
  titleFromFileName,
  unknownFieldProblems,
} from "./article-fields.ts";
import { readFrontMatter } from "./front-matter.ts";
import type { ImportProblem, ParsedArticles } from "./imported-article.ts";

/** What front matter may set; the body is the text below it, and its format is Markdown. */
const frontMatterFields: ReadonlySet<string> = new Set<ArticleFieldName>([
  "title",
  "slug",
  "language",
  "categories",
  "status",
  "visibility",
]);

const headingLine = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const fenceLine = /^ {0,3}(`{3,}|~{3,})/;

interface Heading {
  title: string;
  /** Index of the heading's line in the body. */
  index: number;
}

/** The first `# Heading` of the text, ignoring code blocks, where `# comment` is not a heading. */
function firstHeading(lines: readonly string[]): Heading | null {
  let fence: string | null = null;
  for (const [index, line] of lines.entries()) {
    const marker = fenceLine.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const title = headingLine.exec(line)?.[1]?.trim();
    if (title) return { title, index };
  }
  return null;
}

/** Leading blank lines and trailing space say nothing, and would make identical articles differ. */
function tidyBody(lines: readonly string[]): string {
  return lines
    .join("\n")
    .replace(/^(?:[ \t]*\n)+/, "")
    .trimEnd();
}

/**
 * Reads one Markdown article: a `---` YAML front matter block (title, slug, language,
 * categories, status, visibility), then the body. Without front matter the title is the
 * first `# Heading`, taken out of the body so it is not shown twice, else the file name;
 * with front matter that has no title, the heading, else a problem.
 */
export function parseMarkdownArticle(content: string, file: string): ParsedArticles {
  const text = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const frontMatter = readFrontMatter(text);
  if (frontMatter.kind === "invalid") {
    const problem: ImportProblem = {
      source: { file, line: frontMatter.line },
      message: frontMatter.message,
      severity: "error",
    };
    return { articles: [], problems: [problem] };
  }
  const entries = frontMatter.kind === "read" ? frontMatter.entries : new Map();
  const problems = unknownFieldProblems(
    entries.keys(),
    (key) => ({ file, line: entries.get(key)?.line ?? 1 }),
    frontMatterFields,
  );
  const fields: Partial<Record<ArticleFieldName, unknown>> = {};
  for (const [key, entry] of entries) {
    if (frontMatterFields.has(key)) fields[key as ArticleFieldName] = entry.value;
  }

  let bodyLines = frontMatter.body.split("\n");
  let titleLine = entries.get("title")?.line;
  if (fields.title === undefined || fields.title === null) {
    const heading = firstHeading(bodyLines);
    if (heading) {
      fields.title = heading.title;
      titleLine = frontMatter.bodyLine + heading.index;
      bodyLines = bodyLines.filter((_, index) => index !== heading.index);
    } else if (frontMatter.kind === "none") {
      fields.title = titleFromFileName(file);
    }
  }
  fields.body = tidyBody(bodyLines);
  fields.bodyFormat = "markdown";

  const source = { file, line: 1 };
  const checked = checkArticleFields({
    source,
    fields,
    lineOf: (field) =>
      field === "title" ? titleLine : field === "body" ? frontMatter.bodyLine : entries.get(field)?.line,
    missingHints: { title: "add title: to the front matter, or start the text with a # heading" },
  });
  problems.push(...checked.problems);
  return { articles: checked.article ? [{ source, article: checked.article }] : [], problems };
}
