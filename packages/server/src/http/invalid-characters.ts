import type { FastifyInstance } from "fastify";
import { ApiError, escapePointer, type ProblemDetail } from "./errors.ts";

/**
 * NUL, and a surrogate without its pair: valid in JSON and in a decoded URL, refused by PostgreSQL
 * (text cannot hold NUL; jsonb refuses both). With the `u` flag a well-formed pair is one code point,
 * so only lone surrogates match \p{Cs}.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this looks for.
const invalidCharacter = /[\u0000\p{Cs}]/u;

/** A body full of bad strings would otherwise answer with a list as long as the body. */
const mostProblemsReported = 50;

type Where = "body" | "query" | "params";

/**
 * Every string (object keys included) of a parsed request part that holds a character the database
 * refuses, as problems with their JSON pointers. Walks with its own stack, not recursion, so a
 * deeply nested body cannot overflow the call stack.
 */
export function invalidCharacterProblems(value: unknown, where: Where): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: "" }];
  while (pending.length > 0 && problems.length < mostProblemsReported) {
    const { value: current, path } = pending.pop() as { value: unknown; path: string };
    if (typeof current === "string") {
      if (invalidCharacter.test(current)) problems.push(problem(where, path, "contains"));
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        pending.push({ value: current[index], path: `${path}/${index}` });
      }
    } else if (current !== null && typeof current === "object" && !Buffer.isBuffer(current)) {
      for (const [key, item] of Object.entries(current).reverse()) {
        const itemPath = `${path}/${escapePointer(key)}`;
        if (invalidCharacter.test(key)) problems.push(problem(where, itemPath, "has a key that contains"));
        pending.push({ value: item, path: itemPath });
      }
    }
  }
  return problems;
}

function problem(where: Where, path: string, what: string): ProblemDetail {
  return {
    in: where,
    path,
    code: "invalid_characters",
    message: `${what} a NUL character or an unpaired surrogate (U+D800 to U+DFFF), which Parley does not store`,
  };
}

/**
 * Refuses, for every route at once, text the database would refuse: before validation, so no
 * route's handler ever sees it. Uploaded files are Buffers and are not looked into.
 */
export function registerInvalidCharacterCheck(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const problems = [
      ...invalidCharacterProblems(request.params, "params"),
      ...invalidCharacterProblems(request.query, "query"),
      ...invalidCharacterProblems(request.body, "body"),
    ].slice(0, mostProblemsReported);
    if (problems.length === 0) return;
    throw new ApiError(
      400,
      "invalid_request",
      `The request has ${problems.length} field(s) with characters Parley cannot store: NUL or an unpaired surrogate.`,
      { problems },
    );
  });
}
