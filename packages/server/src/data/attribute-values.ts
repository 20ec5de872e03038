import type { AttributeDefinition } from "@parley/model";
import { DateTime } from "luxon";
import { ApiError, type ProblemDetail } from "../http/errors.ts";
import { normalizeLevels } from "./attribute-definitions.ts";

export const maxTextLength = 4096;
export const maxListItems = 100;

/** Written values by attribute name; null removes an attribute. */
export type AttributeChanges = Record<string, unknown>;

type Checked = { value: unknown } | { problem: string; code: string };

const datePattern = /^\d{4}-\d{2}-\d{2}($|T)/;

function checkChoice(definition: AttributeDefinition, value: string): Checked {
  const normalized = normalizeLevels(value);
  if (definition.values !== undefined && !definition.values.includes(normalized)) {
    const shown = definition.values.slice(0, 10).join(", ");
    const more = definition.values.length > 10 ? ", ..." : "";
    return { code: "invalid_value", problem: `must be one of ${shown}${more}` };
  }
  return { value: normalized };
}

function checkValue(definition: AttributeDefinition, value: unknown): Checked {
  switch (definition.type) {
    case "text":
      if (typeof value !== "string") return { code: "invalid_type", problem: "must be text" };
      if (value.length > maxTextLength) {
        return { code: "too_big", problem: `must be at most ${maxTextLength} characters` };
      }
      return { value };
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) {
        return { code: "invalid_type", problem: "must be a number" };
      }
      return { value };
    case "boolean":
      if (typeof value !== "boolean") return { code: "invalid_type", problem: "must be true or false" };
      return { value };
    case "date":
      // Conditions compare dates with Date.parse, so only ISO 8601 dates and times are stored.
      if (typeof value !== "string" || !datePattern.test(value) || !DateTime.fromISO(value).isValid) {
        return {
          code: "invalid_type",
          problem: "must be an ISO 8601 date such as 2026-05-01 or 2026-05-01T09:30:00Z",
        };
      }
      return { value };
    case "choice":
      if (typeof value !== "string") return { code: "invalid_type", problem: "must be one value as text" };
      return checkChoice(definition, value);
    case "list": {
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
        return { code: "invalid_type", problem: "must be a list of text values" };
      }
      if (value.length > maxListItems)
        return { code: "too_big", problem: `must have at most ${maxListItems} values` };
      const items: string[] = [];
      for (const item of value) {
        const checked = checkChoice(definition, item);
        if ("problem" in checked) return checked;
        if (!items.includes(checked.value as string)) items.push(checked.value as string);
      }
      return { value: items };
    }
  }
}

/**
 * Checks written attribute values against a Klass's custom attribute definitions and returns them
 * normalized (multi-level values spelled `Parent > Child`, list items once each). Every problem
 * is reported at once, each at its JSON pointer under `pointer`.
 */
export function checkAttributeValues(
  klass: string,
  definitions: readonly AttributeDefinition[],
  changes: AttributeChanges,
  pointer = "/attributes",
): AttributeChanges {
  const problems: ProblemDetail[] = [];
  const unknownNames: string[] = [];
  const checked: AttributeChanges = {};
  for (const [name, value] of Object.entries(changes)) {
    const path = `${pointer}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    const definition = definitions.find((candidate) => candidate.name === name);
    if (definition === undefined) {
      unknownNames.push(name);
      problems.push({
        in: "body",
        path,
        code: "unknown_attribute",
        message: `${klass} has no custom attribute ${name}`,
      });
      continue;
    }
    if (value === null) {
      checked[name] = null;
      continue;
    }
    const result = checkValue(definition, value);
    if ("problem" in result) {
      problems.push({
        in: "body",
        path,
        code: result.code,
        message: `${name} (${definition.type}) ${result.problem}`,
      });
    } else {
      checked[name] = result.value;
    }
  }
  if (problems.length > 0) {
    const message =
      unknownNames.length > 0
        ? `Unknown attribute(s) of ${klass}: ${unknownNames.join(", ")}; ${problems.length} invalid field(s) in all.`
        : `The request has ${problems.length} invalid field(s).`;
    throw new ApiError(400, "invalid_request", message, { problems });
  }
  return checked;
}

/** Applies changes to stored values: null removes an attribute, anything else replaces it. */
export function mergeAttributes(stored: AttributeChanges, changes: AttributeChanges): AttributeChanges {
  const merged = { ...stored };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}
