import { createHash } from "node:crypto";
import { type IntentDefinition, modelVersion } from "@parley/nlu";
import { predefinedIntents } from "@parley/nlu/predefined";

/** The predefined intents (spec 08) as the trainer takes them: phrases only, no keywords. */
export const predefinedDefinitions: readonly IntentDefinition[] = predefinedIntents.map(
  ({ name, phrases }) => ({
    name,
    phrases,
  }),
);

/**
 * What a model is trained from, as a hash: the same definitions in the same order with the same
 * model version give the same hash, so a training that would change nothing is skipped, and a
 * new release whose predefined phrases changed trains again.
 */
export function definitionsFingerprint(definitions: readonly IntentDefinition[]): string {
  return createHash("sha256")
    .update(JSON.stringify({ version: modelVersion, definitions }))
    .digest("hex");
}
