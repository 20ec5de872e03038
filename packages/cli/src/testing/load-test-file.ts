import { dirname, resolve } from "node:path";
import { ConversationContext } from "../conversation/context-file.ts";
import { checkContext, invalidFileError } from "../conversation/load-context.ts";
import { type FileProblem, problemsFromZod } from "../schema-problems.ts";
import { readStructuredFile, type StructuredFile } from "../structured-file.ts";
import { type TestCase, TestFile } from "./test-file.ts";

export interface LoadedTestFile {
  path: string;
  file: StructuredFile;
  /** The assistant file, resolved against the test file's folder. */
  assistantPath: string;
  tests: Array<{ test: TestCase; index: number; context: ConversationContext }>;
}

type ContextReference = string | Record<string, unknown> | undefined;

/** Problems of the contexts written inline, so one run reports them with the rest of the file's. */
function inlineContextProblems(value: unknown): FileProblem[] {
  const definition = (value ?? {}) as { context?: unknown; tests?: unknown };
  const problems: FileProblem[] = [];
  const check = (context: unknown, base: PropertyKey[]) => {
    if (typeof context === "object" && context !== null && !Array.isArray(context)) {
      problems.push(...checkContext(context, base).problems);
    }
  };
  check(definition.context, ["context"]);
  if (Array.isArray(definition.tests)) {
    definition.tests.forEach((test: unknown, index) => {
      check((test as { context?: unknown } | null)?.context, ["tests", index, "context"]);
    });
  }
  return problems;
}

/** A context as written: inline, or read from a path relative to the test file. */
async function rawContext(
  reference: ContextReference,
  file: StructuredFile,
): Promise<Record<string, unknown>> {
  if (reference === undefined) return {};
  if (typeof reference !== "string") return reference;
  const contextFile = await readStructuredFile(resolve(dirname(file.path), reference));
  const checked = checkContext(contextFile.value);
  if (checked.context === null) throw invalidFileError(contextFile, "context file", checked.problems);
  return contextFile.value as Record<string, unknown>;
}

/**
 * Reads and checks a test file with its contexts. Anything wrong is a CliError
 * naming the file and the JSON pointer (and the YAML line) of each problem.
 */
export async function loadTestFile(path: string): Promise<LoadedTestFile> {
  const file = await readStructuredFile(path);
  const parsed = TestFile.safeParse(file.value);
  const problems = [
    ...(parsed.success ? [] : problemsFromZod(parsed.error)),
    ...inlineContextProblems(file.value),
  ];
  if (!parsed.success || problems.length > 0) throw invalidFileError(file, "test file", problems);
  const fileContext = await rawContext(parsed.data.context, file);
  const tests: LoadedTestFile["tests"] = [];
  for (const [index, test] of parsed.data.tests.entries()) {
    // A test's context replaces the file's key by key: a test's `attributes` replaces all of the file's attributes.
    const testContext = await rawContext(test.context, file);
    const context = ConversationContext.parse({ ...fileContext, ...testContext });
    tests.push({ test, index, context });
  }
  return { path, file, assistantPath: resolve(dirname(path), parsed.data.assistant), tests };
}
