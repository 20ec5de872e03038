import type { ClassifierSettings } from "../classifier/settings.ts";
import { trainIntentModel } from "../train.ts";
import type { IntentDefinition } from "../types.ts";
import type { IntentWarning } from "./intent-warning.ts";
import { reviewKeywords } from "./keyword-review.ts";
import {
  type ReviewedPhrase,
  reviewPhraseCounts,
  reviewPhraseFit,
  reviewPhraseWording,
} from "./phrase-review.ts";

export interface ReviewOptions {
  settings?: Partial<ClassifierSettings>;
}

/**
 * Reviews an organization's intents as spec 15 advises: phrases that fit
 * another intent, repeated or too short phrases, too few phrases, and
 * keyword clashes. Each warning names the intent, the phrase or keyword and
 * the rule. Warnings advise; nothing here rejects a definition (limits are
 * the server's, see `intentLimits`).
 */
export function reviewIntents(
  definitions: readonly IntentDefinition[],
  options: ReviewOptions = {},
): IntentWarning[] {
  const valid = (Array.isArray(definitions) ? definitions : []).filter(
    (definition) => typeof definition?.name === "string" && definition.name.trim() !== "",
  );
  const phrases: ReviewedPhrase[] = valid.flatMap((definition) =>
    ((Array.isArray(definition.phrases) ? definition.phrases : []) as unknown[])
      .filter((phrase): phrase is string => typeof phrase === "string" && phrase.trim() !== "")
      .map((phrase) => ({ intent: definition.name, phrase })),
  );
  // Fewer regression epochs than detection uses, and no copies of phrases with a word left out (they
  // make a training about four times slower): five trainings stay quick, and the ranking barely moves.
  const train = (folds: IntentDefinition[]) =>
    trainIntentModel(folds, {
      settings: { regressionEpochs: 5, wordDropoutMinimum: 0, ...options.settings },
    });
  return [
    ...reviewPhraseCounts(
      phrases,
      valid.map((definition) => definition.name),
    ),
    ...reviewPhraseWording(phrases),
    ...reviewPhraseFit(phrases, train),
    ...reviewKeywords(valid),
  ];
}
