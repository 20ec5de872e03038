import type { Assistant } from "../assistant.ts";
import type { KlassDefinition } from "../attributes.ts";
import type { ErrorCode, ProblemCode, WarningCode } from "./problem-codes.ts";

/** Errors block publishing; warnings only inform. */
export type Severity = "error" | "warning";

export interface Problem {
  /** RFC 6901 JSON pointer into the definition as given ("" is the whole definition). */
  path: string;
  /** Stable snake_case code that tools and docs can rely on (see problem-codes.ts). */
  code: ProblemCode;
  severity: Severity;
  /** A sentence a support admin understands, naming the rule and the limit. */
  message: string;
}

export interface ValidationResult {
  /** The parsed assistant with defaults applied, or null when the schema parse failed. */
  assistant: Assistant | null;
  problems: Problem[];
}

/**
 * What the organization has, when the caller knows it. A list that is given
 * makes references to anything not in it problems; a list left out is not checked.
 */
export interface ValidationOptions {
  /** Custom Klasses and attributes, used to type conditions and attribute updates. */
  klasses?: readonly KlassDefinition[];
  snippets?: readonly string[];
  intents?: readonly string[];
  /** Ids of the organization's business schedules. */
  schedules?: readonly string[];
  knowledgeBases?: readonly string[];
  workflows?: readonly string[];
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}

export function errorAt(path: string, code: ErrorCode, message: string): Problem {
  return { path, code, severity: "error", message };
}

export function warningAt(path: string, code: WarningCode, message: string): Problem {
  return { path, code, severity: "warning", message };
}
