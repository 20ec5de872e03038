import { currentSchemaVersion } from "../assistant.ts";
import { errorAt, type Problem } from "./problem.ts";
import { isRecord } from "./raw-values.ts";

export interface SchemaVersionCheck {
  problem: Problem | null;
  /** A newer format is refused outright: its other "problems" would only be noise. */
  refuse: boolean;
}

export function checkSchemaVersion(definition: unknown): SchemaVersionCheck {
  if (!isRecord(definition)) return { problem: null, refuse: false };
  const version = definition.schemaVersion;
  if (version === currentSchemaVersion) return { problem: null, refuse: false };
  if (version === undefined) {
    return {
      problem: errorAt(
        "/schemaVersion",
        "schema_version_missing",
        `The file has no "schemaVersion"; assistant files in the current format start with "schemaVersion": ${currentSchemaVersion}.`,
      ),
      refuse: false,
    };
  }
  if (typeof version === "number" && Number.isInteger(version) && version > currentSchemaVersion) {
    return {
      problem: errorAt(
        "/schemaVersion",
        "schema_version_unsupported",
        `This file was written by a newer Parley (format version ${version}); this Parley reads format versions up to ${currentSchemaVersion}. Upgrade Parley to open it.`,
      ),
      refuse: true,
    };
  }
  return {
    problem: errorAt(
      "/schemaVersion",
      "schema_version_invalid",
      `"schemaVersion" is ${JSON.stringify(version)}, which is not a format version Parley knows; the current format is version ${currentSchemaVersion}.`,
    ),
    refuse: false,
  };
}
