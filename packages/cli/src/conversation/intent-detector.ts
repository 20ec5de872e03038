import type { EngineEnvironment } from "@parley/engine";
import { detectIntent, type IntentDefinition, type IntentModel, trainIntentModel } from "@parley/nlu";
import { predefinedIntents } from "@parley/nlu/predefined";
import type { ContextIntent } from "./context-file.ts";

type IntentDetector = NonNullable<EngineEnvironment["detectIntent"]>;

/**
 * Trained models by what they were trained from. Training the predefined
 * intents takes about half a second, and `parley test` starts a
 * conversation per test, most of them with the same context.
 */
const trainedModels = new Map<string, IntentModel>();

function contextDefinition(intent: ContextIntent, language: string): IntentDefinition {
  const keywords = Array.isArray(intent.keywords) ? { [language]: intent.keywords } : intent.keywords;
  return {
    name: intent.intent,
    ...(intent.phrases ? { phrases: intent.phrases } : {}),
    ...(keywords ? { keywords } : {}),
  };
}

function modelFor(intents: readonly ContextIntent[], withPredefined: boolean, language: string): IntentModel {
  // Only plain keyword lists depend on the conversation's language; other models serve every language.
  const languageMatters = intents.some((intent) => Array.isArray(intent.keywords));
  const key = JSON.stringify([withPredefined, languageMatters ? language : null, intents]);
  const cached = trainedModels.get(key);
  if (cached) return cached;
  // The trainer merges definitions that share a name, so a context can add keywords to a predefined intent.
  const definitions: IntentDefinition[] = [
    ...(withPredefined ? predefinedIntents.map(({ name, phrases }) => ({ name, phrases })) : []),
    ...intents.map((intent) => contextDefinition(intent, language)),
  ];
  const model = trainIntentModel(definitions);
  trainedModels.set(key, model);
  return model;
}

export interface ContextIntentOptions {
  intents: readonly ContextIntent[];
  withPredefined: boolean;
  /** Whether the assistant maps any intent to a dialog. */
  assistantMapsIntents: boolean;
}

/** For assistants that map no intent, as the server gives them: a detection could redirect nowhere. */
const detectNothing: IntentDetector = () => null;

/**
 * The product's detector (@parley/nlu) over the predefined intents and the
 * context's custom ones. The model is trained on the first customer text,
 * not before: Lite assistants never ask for intents, and most runs of
 * `parley chat` and `parley test` would otherwise wait for nothing. Returns
 * undefined when there is nothing to detect, so the engine runs as it does
 * for an organization without intents. An assistant that maps no intent
 * still gets a detector, one that finds nothing, so that WhatsApp's "no
 * intent matched" behaviour (spec 08) applies as it does in the server.
 */
export function createContextIntentDetector(options: ContextIntentOptions): IntentDetector | undefined {
  const { intents, withPredefined } = options;
  if (!withPredefined && intents.length === 0) return undefined;
  if (!options.assistantMapsIntents) return detectNothing;
  return (text, language) => detectIntent(modelFor(intents, withPredefined, language), text, language);
}
