import type { z } from "zod";
import type { StructuredFile } from "./structured-file.ts";

/** A problem in a file the CLI reads (a context or a test file), located by a JSON pointer. */
export interface FileProblem {
  path: string;
  message: string;
}

export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/**
 * One problem per Zod issue. Unknown keys are reported at the key itself, since
 * that is what the reader has to delete or fix.
 */
export function problemsFromZod(error: z.ZodError, base: readonly PropertyKey[] = []): FileProblem[] {
  return error.issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: toPointer([...path, key]), message: "is not a known field" }));
    }
    return [{ path: toPointer(path), message: issue.message }];
  });
}

/** `path message`, with the YAML line when there is one; the whole document is `/`. */
export function formatFileProblem(problem: FileProblem, file?: StructuredFile): string {
  const line = file?.lineOf(problem.path);
  return `${problem.path === "" ? "/" : problem.path} ${problem.message}${line ? ` (line ${line})` : ""}`;
}
