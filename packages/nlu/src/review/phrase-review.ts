import { calibrate } from "../classifier/calibration.ts";
import { scorePhrases } from "../classifier/score-phrases.ts";
import { intentLimits } from "../limits.ts";
import type { IntentModel } from "../model.ts";
import { normalizeText } from "../text/normalize.ts";
import type { IntentDefinition } from "../types.ts";
import type { IntentWarning } from "./intent-warning.ts";

export interface ReviewedPhrase {
  intent: string;
  phrase: string;
}

/** A phrase whose best other intent scores at least this share of its own intent's score is a near tie. */
export const nearTieShare = 0.9;
/** Phrases are left out a fifth at a time: five trainings, whatever the number of phrases. */
const foldCount = 5;
/** Two phrases of an intent sharing this share of their words are near duplicates. */
export const nearDuplicateShare = 0.8;
const fewestDistinctWords = 3;

function wordSet(phrase: string): Set<string> {
  return new Set(normalizeText(phrase, "en").map((word) => word.stem));
}

function overlap(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  const union = left.size + right.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Phrases with too few words, and phrases an intent repeats or shares with another. */
export function reviewPhraseWording(phrases: readonly ReviewedPhrase[]): IntentWarning[] {
  const warnings: IntentWarning[] = [];
  const sets = phrases.map((entry) => wordSet(entry.phrase));
  const keys = phrases.map((entry) =>
    normalizeText(entry.phrase, "en")
      .map((word) => word.stem)
      .join(" "),
  );
  phrases.forEach((entry, index) => {
    const distinct = new Set(normalizeText(entry.phrase, "en").map((word) => word.word));
    if (distinct.size < fewestDistinctWords) {
      warnings.push({
        rule: "too-few-words",
        intent: entry.intent,
        phrase: entry.phrase,
        message: `The phrase "${entry.phrase}" of "${entry.intent}" has ${distinct.size} distinct word${distinct.size === 1 ? "" : "s"}: write it as a customer would, with at least ${fewestDistinctWords}, or make it a keyword.`,
      });
    }
    for (let other = index + 1; other < phrases.length; other += 1) {
      const otherEntry = phrases[other] as ReviewedPhrase;
      if (otherEntry.intent !== entry.intent) {
        if (keys[other] === keys[index] && keys[index] !== "") {
          warnings.push({
            rule: "phrase-in-two-intents",
            intent: otherEntry.intent,
            phrase: otherEntry.phrase,
            otherIntent: entry.intent,
            otherPhrase: entry.phrase,
            message: `The phrase "${otherEntry.phrase}" of "${otherEntry.intent}" is also a phrase of "${entry.intent}": keep it in one intent only.`,
          });
        }
        continue;
      }
      const shared = overlap(sets[index] as Set<string>, sets[other] as Set<string>);
      if (shared >= nearDuplicateShare) {
        warnings.push({
          rule: "near-duplicate-phrases",
          intent: entry.intent,
          phrase: otherEntry.phrase,
          otherPhrase: entry.phrase,
          message: `The phrases "${entry.phrase}" and "${otherEntry.phrase}" of "${entry.intent}" use nearly the same words: vary the wording to cover more ways customers ask.`,
        });
      }
    }
  });
  return warnings;
}

/** Intents with phrases but fewer than required or recommended. */
export function reviewPhraseCounts(
  phrases: readonly ReviewedPhrase[],
  intents: readonly string[],
): IntentWarning[] {
  const warnings: IntentWarning[] = [];
  for (const intent of intents) {
    const count = phrases.filter((entry) => entry.intent === intent).length;
    if (count === 0 || count >= intentLimits.recommendedPhrases) continue;
    const message =
      count < intentLimits.minPhrases
        ? `"${intent}" has ${count} phrase${count === 1 ? "" : "s"}: at least ${intentLimits.minPhrases} are needed to train it, ${intentLimits.recommendedPhrases} are recommended.`
        : `"${intent}" has ${count} phrases: ${intentLimits.recommendedPhrases} or more varied phrases are recommended.`;
    warnings.push({ rule: "too-few-phrases", intent, message });
  }
  return warnings;
}

/**
 * Cross-validation: the phrases are split into folds; each fold is left out
 * of training in turn and its phrases are classified like customer text by
 * a model trained on the others. A phrase that lands on another intent, or
 * nearly ties with one, will confuse the classifier (spec 15: "a phrase
 * can't be assigned to more than one intent category").
 */
export function reviewPhraseFit(
  phrases: readonly ReviewedPhrase[],
  train: (definitions: IntentDefinition[]) => IntentModel,
): IntentWarning[] {
  const intents = [...new Set(phrases.map((entry) => entry.intent))];
  if (intents.length < 2) return [];
  const positions = new Map<string, number>();
  const fold = phrases.map((entry) => {
    const position = positions.get(entry.intent) ?? 0;
    positions.set(entry.intent, position + 1);
    return position % foldCount;
  });
  const warnings: IntentWarning[] = [];
  for (let current = 0; current < foldCount; current += 1) {
    const heldOut = phrases.filter((_entry, index) => fold[index] === current);
    if (heldOut.length === 0) continue;
    const model = train(
      intents.map((intent) => ({
        name: intent,
        phrases: phrases
          .filter((entry, index) => entry.intent === intent && fold[index] !== current)
          .map((entry) => entry.phrase),
      })),
    );
    for (const entry of heldOut) {
      const { scores } = scorePhrases(model, entry.phrase);
      const own = model.intents.findIndex((intent) => intent.name === entry.intent);
      const ownScore = scores[own] ?? 0;
      let best = -1;
      scores.forEach((score, intent) => {
        if (intent !== own && (best === -1 || score > (scores[best] ?? 0))) best = intent;
      });
      const bestScore = scores[best] ?? 0;
      const otherIntent = model.intents[best]?.name;
      if (otherIntent === undefined || bestScore < ownScore * nearTieShare) continue;
      // Only a confusion customers would meet: the other intent would be detected.
      if (calibrate(bestScore, model.settings) < model.settings.threshold) continue;
      const closer = bestScore > ownScore;
      warnings.push({
        rule: "phrase-fits-other-intent",
        intent: entry.intent,
        phrase: entry.phrase,
        otherIntent,
        message: `The phrase "${entry.phrase}" of "${entry.intent}" ${closer ? "is taken for" : "nearly ties with"} "${otherIntent}" when the classifier is trained without it: reword it, move it, or merge the two intents.`,
      });
    }
  }
  return warnings;
}
