import type { IntentDefinition } from "../types.ts";
import type { LabeledLine } from "./labeled-line.ts";
import { createSeededRandom, shuffled } from "./seeded-random.ts";

/**
 * Draws `shots` lines per intent, the same ones for the same seed, as an
 * organization with only a few phrases per intent would have. Out-of-scope
 * lines are never drawn: a real organization has no phrases for them.
 * Intents are visited in name order and their lines shuffled from text
 * order, so the draw does not depend on how the file is sorted.
 */
export function sampleShots(lines: readonly LabeledLine[], shots: number, seed: number): LabeledLine[] {
  const byIntent = new Map<string, LabeledLine[]>();
  for (const line of lines) {
    if (line.intent === null) continue;
    const list = byIntent.get(line.intent);
    if (list) list.push(line);
    else byIntent.set(line.intent, [line]);
  }
  const random = createSeededRandom(seed);
  const drawn: LabeledLine[] = [];
  for (const intent of [...byIntent.keys()].sort()) {
    const sorted = [...(byIntent.get(intent) ?? [])].sort((left, right) =>
      left.text < right.text ? -1 : left.text > right.text ? 1 : 0,
    );
    drawn.push(...shuffled(sorted, random).slice(0, Math.max(0, shots)));
  }
  return drawn;
}

/** Intent definitions with the lines' texts as phrases, in the order intents first appear. */
export function definitionsFromLines(lines: readonly LabeledLine[]): IntentDefinition[] {
  const phrases = new Map<string, string[]>();
  for (const line of lines) {
    if (line.intent === null) continue;
    const list = phrases.get(line.intent);
    if (list) list.push(line.text);
    else phrases.set(line.intent, [line.text]);
  }
  return [...phrases].map(([name, list]) => ({ name, phrases: list }));
}
