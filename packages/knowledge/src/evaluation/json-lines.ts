/** A bad line of an evaluation file, with its 1-based number and the field at fault. */
export interface LineProblem {
  line: number;
  field?: string;
  message: string;
}

export interface EvaluationArticle {
  id: string;
  title: string;
  body: string;
  language?: string;
}

export interface EvaluationQuery {
  query: string;
  /** The article that answers the query, or null for a question the articles do not answer. */
  articleId: string | null;
}

export interface Parsed<Record> {
  records: Record[];
  problems: LineProblem[];
}

type FieldCheck = (value: unknown) => string | null;

const text =
  (maximum: number): FieldCheck =>
  (value) =>
    typeof value !== "string" || value.trim() === ""
      ? "must be a non-empty string"
      : value.length > maximum
        ? `must be at most ${maximum.toLocaleString("en-US")} characters`
        : null;

const optionalText =
  (maximum: number): FieldCheck =>
  (value) =>
    value === undefined ? null : text(maximum)(value);

const articleOrNull: FieldCheck = (value) =>
  value === null
    ? null
    : typeof value === "string" && value.trim() !== ""
      ? null
      : "must be an article id or null";

/**
 * Reads JSON lines whose objects must have the given fields. Blank lines are
 * skipped; every bad line is reported with its number and field, so a whole
 * file can be fixed in one pass.
 */
function parseJsonLines<Record>(
  content: string,
  fields: { [name: string]: FieldCheck },
  example: string,
): Parsed<Record> {
  const records: Record[] = [];
  const problems: LineProblem[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push({ line, message: `expected an object such as ${example}` });
      return;
    }
    const record = value as { [name: string]: unknown };
    let valid = true;
    for (const [field, check] of Object.entries(fields)) {
      const message =
        Object.hasOwn(record, field) || check(undefined) === null ? check(record[field]) : "is missing";
      if (message !== null) {
        problems.push({ line, field, message: `${field} ${message}` });
        valid = false;
      }
    }
    if (valid) records.push(record as Record);
  });
  return { records, problems };
}

/** Articles: `{"id": "...", "title": "...", "body": "...", "language"?: "en"}` per line. */
export function parseEvaluationArticles(content: string): Parsed<EvaluationArticle> {
  return parseJsonLines<EvaluationArticle>(
    content,
    { id: text(128), title: text(300), body: text(200_000), language: optionalText(35) },
    '{"id": "1", "title": "...", "body": "..."}',
  );
}

/** Queries: `{"query": "...", "articleId": "..."}`, or `"articleId": null` for an unrelated question. */
export function parseEvaluationQueries(content: string): Parsed<EvaluationQuery> {
  return parseJsonLines<EvaluationQuery>(
    content,
    { query: text(1000), articleId: articleOrNull },
    '{"query": "...", "articleId": "1"}',
  );
}
