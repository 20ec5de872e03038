import { createIntentDetector, type DetectedIntent, type IntentModel, loadModel } from "@parley/nlu";
import { OrganizationCache } from "../data/organization-cache.ts";
import type { Executor } from "../database/connection.ts";
import { modelFingerprint, storedModel } from "./model-store.ts";
import { predefinedDefinitions } from "./training-definitions.ts";
import { trainIntents } from "./training-in-thread.ts";

/** The engine's `detectIntent` (packages/engine/src/environment.ts): pure and synchronous. */
export type IntentDetector = (text: string, language: string) => DetectedIntent | null;

/**
 * A loaded model takes about 6.5 MB with the predefined intents. Organizations beyond this many
 * in one process load theirs again when they next need it (a read and about 50 ms).
 */
const maximumLoadedModels = 20;

function prepared(model: IntentModel): IntentDetector {
  const detect = createIntentDetector(model);
  // The first detection builds the model's lookup tables (tens of milliseconds): done at load
  // rather than in the first customer's turn.
  detect("warm up", "en");
  return detect;
}

let predefined: Promise<IntentDetector> | null = null;

/**
 * The model of the predefined intents alone, for organizations without custom intents: trained
 * once per process (in a thread) and kept.
 */
export function predefinedIntentDetector(): Promise<IntentDetector> {
  if (predefined) return predefined;
  const training = trainIntents({ definitions: [...predefinedDefinitions], reviewIntents: null }).then(
    ({ model }) => prepared(loadModel(model)),
  );
  predefined = training;
  // A failed training is tried again by the next turn that needs it.
  training.catch(() => {
    if (predefined === training) predefined = null;
  });
  return training;
}

/** Starts training the predefined model when the server starts, so that no customer waits for it. */
export function warmIntentDetection(): void {
  predefinedIntentDetector().catch((error: unknown) => {
    process.emitWarning(
      `the predefined intent model could not be trained: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}

/**
 * Which model each organization has, checked at most once a second per process: a retrained
 * model reaches every process within that second, for one small read per second per organization.
 */
const fingerprints = new OrganizationCache<string | null>(1000);
const loaded = new Map<string, { trainedFrom: string; detector: Promise<IntentDetector> }>();

async function loadDetector(executor: Executor, organizationId: string): Promise<IntentDetector> {
  const stored = await storedModel(executor, organizationId);
  if (!stored) return predefinedIntentDetector();
  try {
    return prepared(loadModel(stored.model));
  } catch (error) {
    // A model of an older format after an upgrade: better the predefined intents than none
    // until the organization's intents are trained again (POST /v1/intents/train).
    process.emitWarning(
      `the intent model of organization ${organizationId} cannot be used (${error instanceof Error ? error.message : String(error)}); detecting predefined intents only until it is trained again`,
    );
    return predefinedIntentDetector();
  }
}

/** The detector of the organization's model, or of the predefined intents when it has none. */
export async function organizationIntentDetector(
  executor: Executor,
  organizationId: string,
): Promise<IntentDetector> {
  const trainedFrom = await fingerprints.get(organizationId, () =>
    modelFingerprint(executor, organizationId),
  );
  if (trainedFrom === null) return predefinedIntentDetector();
  const entry = loaded.get(organizationId);
  // Deleted and set again below, so the map's order is least recently used first.
  loaded.delete(organizationId);
  if (entry && entry.trainedFrom === trainedFrom) {
    loaded.set(organizationId, entry);
    return entry.detector;
  }
  const fresh = { trainedFrom, detector: loadDetector(executor, organizationId) };
  loaded.set(organizationId, fresh);
  if (loaded.size > maximumLoadedModels) loaded.delete(loaded.keys().next().value as string);
  fresh.detector.catch(() => {
    if (loaded.get(organizationId) === fresh) loaded.delete(organizationId);
  });
  return fresh.detector;
}

/** The process that stored a new model uses it at once, rather than within the second. */
export function forgetOrganizationModel(organizationId: string): void {
  fingerprints.forget(organizationId);
}
