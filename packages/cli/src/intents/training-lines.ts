import { type LabeledLine, sampleShots } from "@parley/nlu";
import { predefinedIntents } from "@parley/nlu/predefined";
import { CliError } from "../exit-codes.ts";
import type { LabeledSet } from "./labeled-set.ts";

/** The seed of `--shots` when `--seed` is not given; the intent benchmark's first draw uses it too. */
export const defaultSeed = 1;

/** The phrases every organization's predefined intents are trained on, as lines. */
export function predefinedTrainingSet(): LabeledSet {
  const lines: LabeledLine[] = predefinedIntents.flatMap((intent) =>
    intent.phrases.map((text) => ({ text, intent: intent.name })),
  );
  return { source: "the predefined intents", lines, locate: (index) => `phrase ${index + 1}` };
}

/**
 * The lines the model is trained on: out-of-scope lines are dropped (the
 * product trains only on intents), then with `shots` the same K lines per
 * intent are drawn for the same seed.
 */
export function trainingLines(set: LabeledSet, shots: number | undefined, seed: number): LabeledLine[] {
  const inScope = set.lines.filter((line) => line.intent !== null);
  if (inScope.length === 0) {
    const why = set.lines.length === 0 ? "it has no lines" : 'every line is out of scope ("intent": null)';
    throw new CliError(`${set.source} has nothing to train on: ${why}`);
  }
  return shots === undefined ? inScope : sampleShots(inScope, shots, seed);
}
