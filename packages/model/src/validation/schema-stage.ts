import { Assistant } from "../assistant.ts";
import { scanInteractionKinds } from "./interaction-kinds.ts";
import { isWithin, toPointer } from "./json-pointer.ts";
import type { ValidationResult } from "./problem.ts";
import { checkSchemaVersion } from "./schema-version.ts";
import { findUnknownFields } from "./unknown-fields.ts";
import { describeIssue, problemFromIssue } from "./zod-issues.ts";

/** Parses the definition with the schema and turns every issue into a problem with a JSON pointer. */
export function parseDefinition(definition: unknown): ValidationResult {
  const version = checkSchemaVersion(definition);
  if (version.refuse) return { assistant: null, problems: version.problem ? [version.problem] : [] };

  const kinds = scanInteractionKinds(definition);
  const problems = [...(version.problem ? [version.problem] : []), ...kinds.problems];
  const handled = version.problem
    ? [...kinds.reportedPointers, version.problem.path]
    : kinds.reportedPointers;

  const result = Assistant.safeParse(definition, { error: describeIssue, reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const pointer = toPointer(issue.path);
      if (handled.some((reported) => isWithin(pointer, reported))) continue;
      problems.push(problemFromIssue(issue));
    }
    return { assistant: null, problems };
  }
  problems.push(...findUnknownFields(definition, result.data));
  return { assistant: result.data, problems };
}
