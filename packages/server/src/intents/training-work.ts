import {
  type IntentDefinition,
  type IntentWarning,
  reviewIntents,
  serializeModel,
  trainIntentModel,
} from "@parley/nlu";

export interface TrainingRequest {
  /** The predefined intents and the organization's custom ones, which compete in one model. */
  definitions: IntentDefinition[];
  /** Review the definitions too (spec 15), keeping the warnings that involve these intents. */
  reviewIntents: string[] | null;
}

export interface TrainingResult {
  /** The model as serializeModel writes it: JSON text, cheap to pass between threads and to store. */
  model: string;
  warnings: IntentWarning[];
}

/**
 * Trains a model and reviews its intents. Warnings among predefined intents only are left out:
 * an organization cannot change those, and there are hundreds of them.
 */
export function runTraining(request: TrainingRequest): TrainingResult {
  const model = serializeModel(trainIntentModel(request.definitions));
  if (request.reviewIntents === null) return { model, warnings: [] };
  const reviewed = new Set(request.reviewIntents);
  const warnings = reviewIntents(request.definitions).filter(
    (warning) =>
      reviewed.has(warning.intent) ||
      (warning.otherIntent !== undefined && reviewed.has(warning.otherIntent)),
  );
  return { model, warnings };
}
