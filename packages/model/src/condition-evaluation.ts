import type { Condition } from "./condition.ts";

/** Whether a value counts as set: blank text and empty lists do not. */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function asText(value: unknown, caseSensitive: boolean): string {
  const text = Array.isArray(value) ? value.join(", ") : String(value ?? "");
  return caseSensitive ? text.trim() : text.trim().toLowerCase();
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim().replace(",", "."));
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function asTime(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

function compareNumbers(
  actual: unknown,
  expected: unknown,
  test: (a: number, b: number) => boolean,
): boolean {
  const a = asNumber(actual);
  const b = asNumber(expected);
  return a !== null && b !== null && test(a, b);
}

function equals(actual: unknown, expected: unknown, caseSensitive: boolean): boolean {
  if (typeof actual === "boolean" || typeof expected === "boolean")
    return String(actual) === String(expected);
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null && typeof actual !== "string") return a === b;
  if (Array.isArray(actual))
    return actual.some((item) => asText(item, caseSensitive) === asText(expected, caseSensitive));
  return asText(actual, caseSensitive) === asText(expected, caseSensitive);
}

function contains(actual: unknown, expected: unknown, caseSensitive: boolean): boolean {
  const wanted = Array.isArray(expected) ? expected : [expected];
  if (Array.isArray(actual)) {
    const items = actual.map((item) => asText(item, caseSensitive));
    return wanted.some((item) => items.includes(asText(item, caseSensitive)));
  }
  const text = asText(actual, caseSensitive);
  return wanted.some((item) => text.includes(asText(item, caseSensitive)));
}

function isOneOf(actual: unknown, expected: unknown, caseSensitive: boolean): boolean {
  const candidates = Array.isArray(expected) ? expected : [expected];
  return candidates.some((candidate) => equals(actual, candidate, caseSensitive));
}

/**
 * What each condition operator means, for a value already read. The engine's
 * conditional branches and the server's rule audiences both use this, so an
 * operator means the same everywhere. Text comparisons ignore case unless the
 * condition says otherwise; a missing value matches only the negative operators.
 */
export function conditionHolds(condition: Condition, actual: unknown): boolean {
  const expected = condition.value;
  const caseSensitive = condition.caseSensitive ?? false;
  switch (condition.operator) {
    case "is_set":
      return isSet(actual);
    case "is_not_set":
      return !isSet(actual);
    case "equals":
      return isSet(actual) && equals(actual, expected, caseSensitive);
    case "not_equals":
      return !(isSet(actual) && equals(actual, expected, caseSensitive));
    case "contains":
      return isSet(actual) && contains(actual, expected, caseSensitive);
    case "not_contains":
      return !(isSet(actual) && contains(actual, expected, caseSensitive));
    case "starts_with":
      return isSet(actual) && asText(actual, caseSensitive).startsWith(asText(expected, caseSensitive));
    case "ends_with":
      return isSet(actual) && asText(actual, caseSensitive).endsWith(asText(expected, caseSensitive));
    case "greater_than":
      return compareNumbers(actual, expected, (a, b) => a > b);
    case "less_than":
      return compareNumbers(actual, expected, (a, b) => a < b);
    case "greater_or_equal":
      return compareNumbers(actual, expected, (a, b) => a >= b);
    case "less_or_equal":
      return compareNumbers(actual, expected, (a, b) => a <= b);
    case "is_one_of":
      return isSet(actual) && isOneOf(actual, expected, caseSensitive);
    case "is_not_one_of":
      return !(isSet(actual) && isOneOf(actual, expected, caseSensitive));
    case "is_true":
      return actual === true || asText(actual, false) === "true";
    case "is_false":
      return actual === false || asText(actual, false) === "false";
    case "before": {
      const a = asTime(actual);
      const b = asTime(expected);
      return a !== null && b !== null && a < b;
    }
    case "after": {
      const a = asTime(actual);
      const b = asTime(expected);
      return a !== null && b !== null && a > b;
    }
  }
}
