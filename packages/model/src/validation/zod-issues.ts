import type { z } from "zod";
import { toPointer } from "./json-pointer.ts";
import { listInProse } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";
import type { ErrorCode } from "./problem-codes.ts";

/**
 * Messages for the rules the schemas state without words of their own (a
 * `.max(200)` with no message). Like the schemas' own messages they read after
 * the field name: `"afterMinutes" must be a number`.
 */
const expectedNames: Record<string, string> = {
  string: "text in double quotes",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  record: "an object",
  null: "null",
};

function describeExpected(expected: string): string {
  return expectedNames[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "object") return "an object";
  if (typeof value === "boolean") return String(value);
  return `a ${typeof value}`;
}

function plural(count: number | bigint, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function sizeLimit(
  origin: string,
  limit: number | bigint,
  bound: "least" | "most",
  inclusive: boolean,
): string {
  if (origin === "string") return `must be at ${bound} ${plural(limit, "character")} long`;
  if (origin === "array" || origin === "set") return `allows at ${bound} ${plural(limit, "item")}`;
  if (!inclusive) return `must be ${bound === "least" ? "greater" : "less"} than ${limit}`;
  return `must be at ${bound} ${limit}`;
}

type RawIssue = z.core.$ZodRawIssue;

function describeUnion(issue: Extract<RawIssue, { code: "invalid_union" }>): string {
  const expected = issue.errors.flatMap((alternative) =>
    alternative
      .filter((nested) => nested.code === "invalid_type" && nested.path.length === 0)
      .map((nested) => describeExpected((nested as z.core.$ZodIssueInvalidType).expected)),
  );
  if (expected.length > 0 && expected.length === issue.errors.length) {
    return `must be ${listInProse([...new Set(expected)])}`;
  }
  return "does not match any of the forms this field allows";
}

/** A field left out fails as a wrong type, a wrong value or no union match, depending on its schema. */
function isMissingField(issue: { code?: string; input?: unknown }): boolean {
  return (
    issue.input === undefined &&
    (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")
  );
}

export function describeIssue(issue: RawIssue): string | undefined {
  if (isMissingField(issue)) return "is required";
  switch (issue.code) {
    case "invalid_type":
      return `must be ${describeExpected(issue.expected)}, not ${describeValue(issue.input)}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "must not be empty";
      if (issue.origin === "array" && Number(issue.minimum) === 1) return "needs at least one item";
      return sizeLimit(issue.origin, issue.minimum, "least", issue.inclusive !== false);
    case "too_big":
      return sizeLimit(issue.origin, issue.maximum, "most", issue.inclusive !== false);
    case "invalid_format":
      if (issue.format === "url") return "must be a URL";
      if (issue.format === "regex") return "is not in the expected format";
      return `must be a valid ${issue.format}`;
    case "invalid_value":
      if (issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
      return `must be one of: ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "invalid_union":
      return describeUnion(issue);
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `has fields this place does not take: ${issue.keys.join(", ")}`;
    case "invalid_key":
      return "has a key that is not allowed";
    default:
      return undefined;
  }
}

/** `"label"`, `"buttons[2]"` or "The assistant": the field a message is about. */
function fieldLabel(path: readonly PropertyKey[]): string {
  let lastName = -1;
  for (let index = path.length - 1; index >= 0; index -= 1) {
    if (typeof path[index] === "string") {
      lastName = index;
      break;
    }
  }
  if (lastName === -1) return path.length === 0 ? "The assistant" : `Item ${String(path[0])}`;
  const indexes = path
    .slice(lastName + 1)
    .map((segment) => `[${String(segment)}]`)
    .join("");
  return JSON.stringify(`${String(path[lastName])}${indexes}`);
}

const schemaCodes: Record<z.core.$ZodIssue["code"], ErrorCode> = {
  invalid_type: "schema_invalid_type",
  too_big: "schema_too_big",
  too_small: "schema_too_small",
  invalid_format: "schema_invalid_format",
  not_multiple_of: "schema_not_multiple_of",
  unrecognized_keys: "schema_unrecognized_keys",
  invalid_union: "schema_invalid_union",
  invalid_key: "schema_invalid_key",
  invalid_element: "schema_invalid_element",
  invalid_value: "schema_invalid_value",
  custom: "schema_custom",
};

function issueCode(issue: z.core.$ZodIssue): ErrorCode {
  return isMissingField(issue) ? "schema_required" : schemaCodes[issue.code];
}

export function problemFromIssue(issue: z.core.$ZodIssue): Problem {
  const sentence = `${fieldLabel(issue.path)} ${issue.message}`;
  return errorAt(
    toPointer(issue.path),
    issueCode(issue),
    /[.!?]$/.test(sentence) ? sentence : `${sentence}.`,
  );
}
