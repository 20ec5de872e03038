import type { ApiError, Problem } from "../api/client.ts";

/**
 * The server's problem for a field, as its JSON pointer names it, to show under the field.
 * A pointer matches the field and everything inside it, so "/prompt" also shows "/prompt/en".
 */
export function fieldError(error: ApiError | null | undefined, pointer: string): string | undefined {
  const problem = problemsAt(error?.problems ?? [], pointer)[0];
  return problem?.message;
}

export function problemsAt(problems: readonly Problem[], pointer: string): Problem[] {
  return problems.filter((problem) => problem.path === pointer || problem.path.startsWith(`${pointer}/`));
}

/** Problems no field on the page shows, to list above the form instead of dropping them. */
export function problemsOutside(problems: readonly Problem[], pointers: readonly string[]): Problem[] {
  return problems.filter((problem) => !pointers.some((pointer) => problemsAt([problem], pointer).length > 0));
}
