import { type Assistant, parseAssistantJson } from "@parley/model";
import { readTextFile } from "./files.ts";
import { plural } from "./io.ts";
import { formatProblem, type Problem } from "./problems.ts";

export type AssistantLoad =
  | { assistant: Assistant; problems: Problem[] }
  | { assistant: null; problems: Problem[] };

/**
 * Reads and validates an assistant file. An unreadable file is a usage error
 * (CliError, exit 2); an assistant with errors comes back with `assistant: null`
 * and its problems, since running an invalid assistant would only mislead.
 */
export async function loadAssistant(path: string): Promise<AssistantLoad> {
  const { assistant, problems } = parseAssistantJson(await readTextFile(path));
  const errors = problems.filter((problem) => problem.severity === "error");
  if (assistant === null || errors.length > 0) return { assistant: null, problems: errors };
  return { assistant, problems };
}

/** The lines that explain why an assistant cannot run. */
export function describeInvalidAssistant(path: string, problems: readonly Problem[]): string[] {
  return [
    ...problems.map(formatProblem),
    `${path} is not a valid assistant: ${plural(problems.length, "error")} (parley validate ${path} lists them with warnings)`,
  ];
}
