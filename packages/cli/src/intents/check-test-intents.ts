import { CliError } from "../exit-codes.ts";
import type { LabeledSet } from "./labeled-set.ts";

/** Long intent lists (CLINC150 has 150) are cut so the message stays readable. */
const listedNames = 40;

function nameList(names: readonly string[]): string {
  const shown = names.slice(0, listedNames).join(", ");
  return names.length > listedNames ? `${shown}, … (${names.length} in all)` : shown;
}

/** Intent names are snake_case: "Cancel-Order" and "cancel order" are most likely cancel_order. */
function closeName(name: string, trainedNames: ReadonlySet<string>): string | null {
  const snakeCase = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return snakeCase !== name && trainedNames.has(snakeCase) ? snakeCase : null;
}

/**
 * Refuses a test whose lines expect intents the model is not trained on:
 * such a line can never be right, so it is almost always a misspelt name,
 * and its figures would look like a weak classifier instead.
 */
export function checkTestIntents(
  test: LabeledSet,
  trainedNames: ReadonlySet<string>,
  /** Introduces the known names, such as "the predefined intents are". */
  knownIntroduction: string,
): void {
  const firstIndex = new Map<string, number>();
  const counts = new Map<string, number>();
  test.lines.forEach((line, index) => {
    if (line.intent === null || trainedNames.has(line.intent)) return;
    if (!firstIndex.has(line.intent)) firstIndex.set(line.intent, index);
    counts.set(line.intent, (counts.get(line.intent) ?? 0) + 1);
  });
  if (firstIndex.size === 0) return;
  const unknown = [...firstIndex].map(([name, index]) => {
    const others = (counts.get(name) ?? 1) - 1;
    const more = others > 0 ? ` and ${others} more line${others === 1 ? "" : "s"}` : "";
    const suggestion = closeName(name, trainedNames);
    return `"${name}" (${test.locate(index)}${more}${suggestion ? `; did you mean ${suggestion}?` : ""})`;
  });
  const known = nameList([...trainedNames].sort());
  throw new CliError(
    `${test.source}: unknown intent${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")}; ${knownIntroduction}: ${known}`,
  );
}
