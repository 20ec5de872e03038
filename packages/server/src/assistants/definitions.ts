import { type Assistant, type Problem, type ValidationOptions, validateAssistant } from "@parley/model";
import { ApiError, type ProblemDetail } from "../http/errors.ts";
import { type AssistantIdentity, stampIdentity } from "./identity.ts";

/** A definition ready to store, and what validation has to say about it. */
export interface PreparedDefinition {
  assistant: Assistant;
  /** Semantic errors and warnings: a draft may have them, publishing may not. */
  problems: Problem[];
}

/** A problem of a definition that sits at `bodyPointer` inside a request body. */
export function bodyProblem(problem: Problem, bodyPointer: string): ProblemDetail {
  return {
    in: "body",
    path: bodyPointer + problem.path,
    code: problem.code,
    message: problem.message,
    severity: problem.severity,
  };
}

export function invalidDefinition(problems: readonly ProblemDetail[]): ApiError {
  const errors = problems.filter((problem) => problem.severity !== "warning").length;
  return new ApiError(
    400,
    "invalid_definition",
    `The assistant definition cannot be saved: ${errors} problem(s) to fix; nothing was saved.`,
    { problems: [...problems] },
  );
}

/**
 * Turns a definition from a request into the one to store: it takes the
 * assistant's ids (identity.ts), then must pass the schema (400 listing
 * every problem otherwise). Semantic problems do not stop a draft, so an
 * editor can save half-built work and show them.
 *
 * `bodyPointer` is where the definition sits in the body, so 400 paths
 * point into the body as sent; `earlierProblems` are refusals found before
 * validation (an unmapped knowledge base), reported together with it.
 */
export function prepareDefinition(
  definition: unknown,
  identity: AssistantIdentity,
  options: ValidationOptions,
  bodyPointer = "",
  earlierProblems: readonly ProblemDetail[] = [],
): PreparedDefinition {
  const result = validateAssistant(stampIdentity(definition, identity), options);
  if (result.assistant === null) {
    throw invalidDefinition([
      ...earlierProblems,
      ...result.problems.map((problem) => bodyProblem(problem, bodyPointer)),
    ]);
  }
  // Semantic problems would only be noise next to a refusal the caller must fix first.
  if (earlierProblems.length > 0) throw invalidDefinition(earlierProblems);
  return { assistant: result.assistant, problems: result.problems };
}
