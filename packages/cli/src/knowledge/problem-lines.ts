import type { ArticleSource, ImportProblem } from "@parley/knowledge";

/** Enough to fix a folder in a few passes without burying the first problems. */
export const shownProblems = 50;

/** `file:line`, as editors and terminals turn into a link; CSV rows add their row number. */
export function formatSource(source: ArticleSource): string {
  return `${source.file}:${source.line}${source.row === undefined ? "" : ` (row ${source.row})`}`;
}

/**
 * `file:line: field: message`. Messages that start with their field name ("title must not be
 * empty") lose it, so the field is said once.
 */
export function problemLine(where: string, field: string | undefined, message: string): string {
  if (field === undefined) return `${where}: ${message}`;
  const rest = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
  return `${where}: ${field}: ${rest}`;
}

export function formatImportProblem(problem: ImportProblem): string {
  const line = problemLine(formatSource(problem.source), problem.field, problem.message);
  return problem.severity === "warning" ? `warning: ${line}` : line;
}

/** The first `shownProblems` lines, then how many more there are. */
export function limitedLines(lines: readonly string[]): string[] {
  if (lines.length <= shownProblems) return [...lines];
  return [...lines.slice(0, shownProblems), `… and ${lines.length - shownProblems} more`];
}
