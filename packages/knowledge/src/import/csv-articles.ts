import { parse } from "csv-parse/sync";
import {
  type ArticleFieldName,
  articleFieldNames,
  checkArticleFields,
  ignoredFieldNames,
  unknownFieldProblems,
} from "./article-fields.ts";
import type { ImportProblem, ParsedArticles } from "./imported-article.ts";

/** Spreadsheets name columns loosely: "Body format", "body_format" and "format" are all bodyFormat. */
const columnAliases: Record<string, ArticleFieldName> = {
  ...Object.fromEntries(articleFieldNames.map((field) => [field.toLowerCase(), field])),
  format: "bodyFormat",
  category: "categories",
};

const requiredColumns = ["title", "body"] as const;

function simplify(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, "");
}

/** A semicolon or a tab in a header without commas means a spreadsheet exported with another separator. */
function delimiterOf(text: string): string {
  const end = text.indexOf("\n");
  const header = end < 0 ? text : text.slice(0, end);
  if (header.includes(",")) return ",";
  if (header.includes("\t")) return "\t";
  if (header.includes(";")) return ";";
  return ",";
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function errorLine(error: unknown): number {
  const lines = (error as { lines?: unknown }).lines;
  return typeof lines === "number" && lines > 0 ? lines : 1;
}

/**
 * Reads a CSV file with a header row: title and body, and optionally language, slug,
 * categories (separated by ; or |), status, visibility and format. Empty cells are left out,
 * so an update keeps what the server has. Problems give the line a row starts on and its row
 * number; a missing required column is one problem naming the column.
 */
export function parseCsvArticles(content: string, file: string): ParsedArticles {
  const text = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let records: CsvRecord[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const message = (error as Error).message.replace(/^Invalid /, "invalid ");
    return {
      articles: [],
      problems: [
        { source: { file, line: errorLine(error) }, message: `not valid CSV: ${message}`, severity: "error" },
      ],
    };
  }
  const [header, ...rows] = records;
  if (!header) {
    const message = "the file is empty; expected a header row such as title,body,language";
    return { articles: [], problems: [{ source: { file, line: 1 }, message, severity: "error" }] };
  }

  const problems: ImportProblem[] = [];
  const headerSource = { file, line: 1 };
  const columns = header.record.map((name) => columnAliases[simplify(name)] ?? null);
  const seen = new Set<ArticleFieldName>();
  columns.forEach((column, index) => {
    if (column === null) return;
    if (seen.has(column)) {
      problems.push({
        source: headerSource,
        field: column,
        message: `the column ${header.record[index]?.trim()} appears twice`,
        severity: "error",
      });
    }
    seen.add(column);
  });
  for (const column of requiredColumns) {
    if (!seen.has(column)) {
      problems.push({
        source: headerSource,
        field: column,
        message: `the header has no ${column} column`,
        severity: "error",
      });
    }
  }
  const unknown = header.record
    .filter((_, index) => columns[index] === null)
    .map((name) => name.trim())
    .filter((name) => name !== "" && !ignoredFieldNames.has(name));
  problems.push(...unknownFieldProblems(unknown, () => headerSource));
  if (problems.some((problem) => problem.severity === "error")) return { articles: [], problems };

  const result: ParsedArticles = { articles: [], problems };
  rows.forEach(({ record, info }, index) => {
    // info.lines is where the row ends; a quoted cell may span lines.
    const newlinesInside = record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    const source = { file, line: info.lines - newlinesInside, row: index + 1 };
    if (record.length > header.record.length) {
      result.problems.push({
        source,
        message: `the row has ${record.length} cells but the header has ${header.record.length} columns; quote cells that hold a comma`,
        severity: "error",
      });
      return;
    }
    const fields: Partial<Record<ArticleFieldName, unknown>> = {};
    record.forEach((cell, column) => {
      const field = columns[column];
      if (!field || (cell.trim() === "" && field !== "title")) return;
      fields[field] =
        field === "categories"
          ? cell
              .split(/[;|]/)
              .map((category) => category.trim())
              .filter((category) => category !== "")
          : cell;
    });
    // An empty body cell is an article without text, which is reported, not a missing column.
    if (fields.body === undefined && record.length > columns.indexOf("body")) fields.body = "";
    const checked = checkArticleFields({ source, fields });
    result.problems.push(...checked.problems);
    if (checked.article) result.articles.push({ source, article: checked.article });
  });
  return result;
}
