import { type IntentModel, modelFormat, modelVersion } from "./model.ts";

/** The model as JSON text, for the server to store. */
export function serializeModel(model: IntentModel): string {
  return JSON.stringify(model);
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === "number");
}

/**
 * Reads a stored model (JSON text or the parsed object) and checks that it
 * is one this version can use; throws with the reason otherwise. A model of
 * another version must be trained again from its definitions.
 */
export function loadModel(stored: unknown): IntentModel {
  const value: unknown = typeof stored === "string" ? JSON.parse(stored) : stored;
  if (typeof value !== "object" || value === null) throw new Error("an intent model must be an object");
  const model = value as Partial<IntentModel>;
  if (model.format !== modelFormat) throw new Error(`not an intent model: format is ${String(model.format)}`);
  if (model.version !== modelVersion) {
    throw new Error(`intent model version ${String(model.version)} is not ${modelVersion}: train it again`);
  }
  const shapeProblems = [
    !Array.isArray(model.intents) && "intents",
    !Array.isArray(model.features) && "features",
    !isNumberArray(model.inverseFrequency) && "inverseFrequency",
    !Array.isArray(model.phrases) && "phrases",
    !Array.isArray(model.centroids) && "centroids",
    (typeof model.regression !== "object" || !isNumberArray(model.regression?.offsets)) && "regression",
    !Array.isArray(model.words) && "words",
    (typeof model.settings !== "object" || model.settings === null) && "settings",
  ].filter((problem) => problem !== false);
  if (shapeProblems.length > 0)
    throw new Error(`intent model is missing or has a bad ${shapeProblems.join(", ")}`);
  return model as IntentModel;
}
