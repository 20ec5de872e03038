import { defaultThreshold } from "./classifier/calibration.ts";
import { type ClassifierSettings, defaultClassifierSettings } from "./classifier/settings.ts";
import { nameAsPhrase, trainPhraseClassifier } from "./classifier/train-classifier.ts";
import { languageBase } from "./keywords/keyword-matcher.ts";
import { type IntentModel, modelFormat, modelVersion, type StoredIntent } from "./model.ts";
import { trainSemanticSignal } from "./semantic-signal.ts";
import type { IntentDefinition } from "./types.ts";

export interface TrainOptions {
  /** Changes to the classifier's defaults, mostly for experiments and the benchmark. */
  settings?: Partial<ClassifierSettings>;
  /**
   * Optional vectors from an outside sentence encoder, by phrase text. When
   * given, the model keeps them and `classify` blends in the similarity of a
   * text's vector (passed at classification time). Without them, everything
   * works offline.
   */
  phraseVectors?: ReadonlyMap<string, readonly number[]> | Readonly<Record<string, readonly number[]>>;
}

function cleanStrings(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return values.filter((value): value is string => typeof value === "string" && value.trim() !== "");
}

/**
 * Merges definitions that share a name and drops what is not text, so a
 * model can always be trained from what an organization has saved: limits
 * are the server's to enforce (see `intentLimits`), not the trainer's.
 */
interface CollectedIntent {
  intent: StoredIntent;
  phrases: string[];
}

function collectIntents(definitions: readonly IntentDefinition[]): CollectedIntent[] {
  const byName = new Map<string, CollectedIntent>();
  for (const definition of Array.isArray(definitions) ? definitions : []) {
    if (typeof definition?.name !== "string" || definition.name.trim() === "") continue;
    const name = definition.name.trim();
    const entry: CollectedIntent = byName.get(name) ?? { intent: { name, keywords: {} }, phrases: [] };
    byName.set(name, entry);
    entry.phrases.push(...cleanStrings(definition.phrases));
    for (const [language, keywords] of Object.entries(definition.keywords ?? {})) {
      const base = languageBase(language);
      if (base === "") continue;
      const list = entry.intent.keywords[base] ?? [];
      list.push(...cleanStrings(keywords).map((keyword) => keyword.trim()));
      entry.intent.keywords[base] = list;
    }
  }
  return [...byName.values()];
}

function medianPhraseCount(collected: readonly CollectedIntent[]): number {
  const counts = collected
    .map((entry) => entry.phrases.length)
    .filter((count) => count > 0)
    .sort((left, right) => left - right);
  return counts.length === 0 ? 0 : (counts[Math.floor((counts.length - 1) / 2)] ?? 0);
}

/**
 * Trains a model from an organization's intents: a keyword table and, for
 * the intents with phrases, the phrase classifier. The result is plain JSON
 * data (see `serializeModel` and `loadModel`).
 */
export function trainIntentModel(
  definitions: readonly IntentDefinition[],
  options: TrainOptions = {},
): IntentModel {
  const collected = collectIntents(definitions);
  const settings: ClassifierSettings = { ...defaultClassifierSettings, ...options.settings };
  if (options.settings?.threshold === undefined) {
    settings.threshold = defaultThreshold(medianPhraseCount(collected), settings);
  }
  // An intent's name is only a phrase when it has real phrases: a keyword-only intent stays keyword-only.
  const phrasesByIntent = collected.map(({ intent, phrases }) =>
    phrases.length > 0 && settings.nameAsPhrase ? [...phrases, nameAsPhrase(intent.name)] : phrases,
  );
  const model: IntentModel = {
    format: modelFormat,
    version: modelVersion,
    settings,
    intents: collected.map(({ intent }) => intent),
    ...trainPhraseClassifier(phrasesByIntent, settings),
  };
  const semantic = options.phraseVectors
    ? trainSemanticSignal(
        collected.map(({ phrases }) => phrases),
        options.phraseVectors,
      )
    : null;
  return semantic ? { ...model, semantic } : model;
}
