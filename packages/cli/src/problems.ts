/** A problem found in an assistant, as the model's validation reports it. */
export interface Problem {
  /** A JSON pointer into the assistant; empty for the whole document. */
  path: string;
  code: string;
  severity: "error" | "warning";
  message: string;
}

/**
 * One line per problem: `path code message`, so the line can be grepped or
 * split on its first two spaces. Warnings carry a `warning:` prefix.
 */
export function formatProblem(problem: Problem): string {
  const line = `${problem.path === "" ? "/" : problem.path} ${problem.code} ${problem.message}`;
  return problem.severity === "warning" ? `warning: ${line}` : line;
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}
