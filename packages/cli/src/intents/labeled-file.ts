import { type LineProblem, parseLabeledLines } from "@parley/nlu";
import { CliError } from "../exit-codes.ts";
import { readTextFile } from "../files.ts";
import type { LabeledSet } from "./labeled-set.ts";

/** Enough to fix a file in a few passes without burying the first problems. */
const shownProblems = 20;

function describeProblem(path: string, problem: LineProblem): string {
  const field = problem.field ? `, field ${problem.field}` : "";
  return `${path} line ${problem.line}${field}: ${problem.message}`;
}

/** The file line of each entry: parsing skips blank lines, so they are counted again here. */
function numberLines(content: string): number[] {
  const numbers: number[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() !== "") numbers.push(index + 1);
  });
  return numbers;
}

/**
 * Reads a JSON-lines evaluation file (`{"text": "...", "intent": "name" | null}`
 * per line). Every bad line is a usage error naming the file, the line and the
 * field, so a file exported by hand can be fixed in one pass; an empty file is
 * refused too, since figures over no lines would mean nothing.
 */
export async function readLabeledFile(path: string): Promise<LabeledSet> {
  const text = await readTextFile(path);
  const content = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const { lines, problems } = parseLabeledLines(content);
  if (problems.length > 0) {
    const listed = problems.slice(0, shownProblems).map((problem) => describeProblem(path, problem));
    const more = problems.length > shownProblems ? [`… and ${problems.length - shownProblems} more`] : [];
    const count = `${problems.length} bad line${problems.length === 1 ? "" : "s"}`;
    throw new CliError(`${path} is not valid JSON lines (${count}):\n${[...listed, ...more].join("\n")}`);
  }
  if (lines.length === 0) {
    throw new CliError(
      `${path} has no lines; expected one JSON object per line, such as {"text": "...", "intent": "name"}`,
    );
  }
  const numbers = numberLines(content);
  return { source: path, lines, locate: (index) => `line ${numbers[index] ?? "?"}` };
}
