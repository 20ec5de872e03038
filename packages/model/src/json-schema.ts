import { z } from "zod";
import { Assistant, currentSchemaVersion } from "./assistant.ts";

/**
 * The JSON Schema of assistant files, generated from the Zod schemas so the
 * two cannot drift (a test fails when the committed copy is stale). It
 * describes what an author may write (`io: "input"`): fields with defaults are optional.
 */
export const assistantJsonSchemaId = `urn:parley:assistant:v${currentSchemaVersion}`;

export function assistantJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Assistant, { target: "draft-2020-12", io: "input", cycles: "ref" });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: assistantJsonSchemaId,
    title: "Parley assistant",
    description: `An assistant definition, format version ${currentSchemaVersion}. Semantic rules (channels, types, links between dialogs) are checked by Parley's validation, not by this schema.`,
    ...rest,
  };
}

/** The file's exact text: pretty-printed, with a trailing newline. */
export function assistantJsonSchemaText(): string {
  return `${JSON.stringify(assistantJsonSchema(), null, 2)}\n`;
}
