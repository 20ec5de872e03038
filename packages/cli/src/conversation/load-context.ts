import { CliError } from "../exit-codes.ts";
import { type FileProblem, formatFileProblem, problemsFromZod } from "../schema-problems.ts";
import { readStructuredFile, type StructuredFile } from "../structured-file.ts";
import { ConversationContext } from "./context-file.ts";

export type ContextCheck =
  | { context: ConversationContext; problems: [] }
  | { context: null; problems: FileProblem[] };

/** Checks a context value; `base` is where it sits in a bigger file (a test file's inline context). */
export function checkContext(value: unknown, base: readonly PropertyKey[] = []): ContextCheck {
  const result = ConversationContext.safeParse(value ?? {});
  if (result.success) return { context: result.data, problems: [] };
  return { context: null, problems: problemsFromZod(result.error, base) };
}

export function invalidFileError(
  file: StructuredFile,
  what: string,
  problems: readonly FileProblem[],
): CliError {
  // In file order, so the reader can walk down the file fixing them.
  const located = problems.map((problem, order) => ({
    problem,
    order,
    line: file.lineOf(problem.path) ?? 0,
  }));
  located.sort((left, right) => left.line - right.line || left.order - right.order);
  const lines = located.map(({ problem }) => formatFileProblem(problem, file));
  return new CliError(`${file.path} is not a valid ${what}:\n${lines.join("\n")}`);
}

/** Reads `--context FILE` (JSON or YAML); problems are a usage error (exit 2), one `path message` per line. */
export async function loadContextFile(path: string): Promise<ConversationContext> {
  const file = await readStructuredFile(path);
  const checked = checkContext(file.value);
  if (checked.context === null) throw invalidFileError(file, "context file", checked.problems);
  return checked.context;
}
