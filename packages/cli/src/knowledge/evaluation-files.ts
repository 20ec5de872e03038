import {
  type EvaluationArticle,
  type EvaluationQuery,
  type LineProblem,
  parseEvaluationArticles,
  parseEvaluationQueries,
} from "@parley/knowledge";
import { CliError } from "../exit-codes.ts";
import { readTextFile } from "../files.ts";
import { limitedLines, problemLine } from "./problem-lines.ts";

/** Records of a JSON-lines file with the file line each came from. */
export interface NumberedRecords<Record> {
  path: string;
  records: Record[];
  lines: number[];
}

export interface EvaluationFiles {
  articles: NumberedRecords<EvaluationArticle>;
  queries: NumberedRecords<EvaluationQuery>;
}

async function readJsonLines<Record>(
  path: string,
  parse: (content: string) => { records: Record[]; problems: LineProblem[] },
  example: string,
): Promise<NumberedRecords<Record>> {
  const text = (await readTextFile(path)).replace(/^\uFEFF/, "");
  const { records, problems } = parse(text);
  if (problems.length > 0) {
    const lines = problems.map((problem) =>
      problemLine(`${path}:${problem.line}`, problem.field, problem.message),
    );
    const badLines = new Set(problems.map((problem) => problem.line)).size;
    const count = `${badLines} bad line${badLines === 1 ? "" : "s"}`;
    throw new CliError(`${path} is not valid JSON lines (${count}):\n${limitedLines(lines).join("\n")}`);
  }
  if (records.length === 0)
    throw new CliError(`${path} has no lines; expected one JSON object per line, such as ${example}`);
  // Parsing skips blank lines, so the numbers are counted again here.
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() !== "") lines.push(index + 1);
  });
  return { path, records, lines };
}

function checkUniqueIds(articles: NumberedRecords<EvaluationArticle>): void {
  const firstLine = new Map<string, number>();
  const repeated: string[] = [];
  articles.records.forEach((article, index) => {
    const line = articles.lines[index] ?? 0;
    const first = firstLine.get(article.id);
    if (first === undefined) firstLine.set(article.id, line);
    else
      repeated.push(
        `${articles.path}:${line}: id: ${JSON.stringify(article.id)} is also the id on line ${first}`,
      );
  });
  if (repeated.length > 0) {
    throw new CliError(
      `${articles.path} gives an id to more than one article:\n${limitedLines(repeated).join("\n")}`,
    );
  }
}

/** Edits to turn one id into another, for suggesting the id that was meant. */
function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const substitution = (previous[column - 1] ?? 0) + (left[row - 1] === right[column - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/** The article id closest to an unknown one, when it is close enough to be a typo or a change of case. */
function closestId(id: string, known: readonly string[]): string | null {
  const lower = id.toLowerCase();
  const sameIgnoringCase = known.find((candidate) => candidate.toLowerCase() === lower);
  if (sameIgnoringCase) return sameIgnoringCase;
  let best: { id: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (best === null || distance < best.distance) best = { id: candidate, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(id.length / 4)) ? best.id : null;
}

/** A query whose article is not in the articles file could never be found: that is a wrong id. */
function checkQueryArticles(files: EvaluationFiles): void {
  const known = new Set(files.articles.records.map((article) => article.id));
  const unknown = new Map<string, number[]>();
  files.queries.records.forEach((query, index) => {
    if (query.articleId === null || known.has(query.articleId)) return;
    const lines = unknown.get(query.articleId) ?? [];
    lines.push(files.queries.lines[index] ?? 0);
    unknown.set(query.articleId, lines);
  });
  if (unknown.size === 0) return;
  const ids = [...known];
  const listed = [...unknown].map(([id, lines]) => {
    const others = lines.length - 1;
    const more = others > 0 ? ` and ${others} more line${others === 1 ? "" : "s"}` : "";
    const suggestion = closestId(id, ids);
    return `${JSON.stringify(id)} (line ${lines[0]}${more}${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ""})`;
  });
  const count = unknown.size === 1 ? "an article id" : `${unknown.size} article ids`;
  throw new CliError(
    `${files.queries.path} names ${count} that ${files.articles.path} does not have: ${limitedLines(listed).join(", ")}; a query's articleId must be an article's id, or null for a question the articles do not answer`,
  );
}

/**
 * Reads and checks the articles and queries of `parley kb eval`: every bad line is a usage
 * error naming the file, the line and the field, and so is a query that names an article the
 * articles file does not have, since its figures would look like a weak search instead.
 */
export async function readEvaluationFiles(
  articlesPath: string,
  queriesPath: string,
): Promise<EvaluationFiles> {
  const articles = await readJsonLines(
    articlesPath,
    parseEvaluationArticles,
    '{"id": "returns", "title": "Return policy", "body": "…"}',
  );
  const queries = await readJsonLines(
    queriesPath,
    parseEvaluationQueries,
    '{"query": "can I send it back?", "articleId": "returns"}',
  );
  const files = { articles, queries };
  checkUniqueIds(articles);
  checkQueryArticles(files);
  if (!queries.records.some((query) => query.articleId !== null)) {
    throw new CliError(
      `${queriesPath} has no related queries (every articleId is null); hit@1, MRR and the answer rate need questions that an article answers`,
    );
  }
  return files;
}
