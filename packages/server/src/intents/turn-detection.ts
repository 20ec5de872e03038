import { type Assistant, featureAvailability } from "@parley/model";
import type { Executor } from "../database/connection.ts";
import { type IntentDetector, organizationIntentDetector } from "./detector-cache.ts";

/** For assistants that map no intent: whatever it found, no dialog would follow, so nothing is looked for. */
const detectNothing: IntentDetector = () => null;

/**
 * The `detectIntent` a turn of this assistant gets, loaded before the engine runs because the
 * engine's is synchronous. Only assistants that map intents to dialogs pay for a model (a small
 * read once a second per organization): Lite assistants have no intents, and for an assistant
 * without mappings a detection could redirect nowhere. Those still get a detector that finds
 * nothing, so that WhatsApp's "no intent matched" behaviour (spec 08) applies to them.
 */
export async function intentDetectionFor(
  executor: Executor,
  organizationId: string,
  definition: Assistant,
): Promise<IntentDetector | undefined> {
  if (!featureAvailability.intents.types.includes(definition.type)) return undefined;
  if (definition.intents.length === 0) return detectNothing;
  return organizationIntentDetector(executor, organizationId);
}
