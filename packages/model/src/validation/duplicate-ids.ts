import { optionListsOf } from "../interactions/interaction-fields.ts";
import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { quoted } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";

/** Conversation state and reports name interactions by id, so ids are unique across the whole assistant. */
export const checkDuplicateInteractionIds: Check = ({ sites }) => {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const { interaction, pointer } of sites) {
    if (seen.has(interaction.id)) {
      problems.push(
        errorAt(
          childPointer(pointer, "id"),
          "duplicate_interaction_id",
          `Interaction id ${quoted(interaction.id)} is already used by another interaction of this assistant; every interaction needs its own id.`,
        ),
      );
    }
    seen.add(interaction.id);
  }
  return problems;
};

interface Choice {
  id?: unknown;
  digits?: unknown;
}

function duplicates(choices: readonly Choice[], key: "id" | "digits"): { index: number; value: string }[] {
  const seen = new Set<string>();
  const found: { index: number; value: string }[] = [];
  choices.forEach((choice, index) => {
    const value = choice[key];
    if (typeof value !== "string") return;
    if (seen.has(value)) found.push({ index, value });
    seen.add(value);
  });
  return found;
}

/** A customer's choice is recorded by its id, and on voice made by its keys, so neither may repeat. */
export const checkDuplicateChoices: Check = ({ sites }) =>
  sites.flatMap(({ interaction, pointer }) =>
    optionListsOf(interaction, pointer).flatMap((list) => {
      const repeatedIds = duplicates(list.options, "id").map(({ index, value }) =>
        errorAt(
          childPointer(list.pointer, index, "id"),
          "duplicate_option_id",
          `The ${list.noun} id ${quoted(value)} is used twice in this interaction; each ${list.noun} needs its own id.`,
        ),
      );
      const repeatedDigits = duplicates(list.options, "digits").map(({ index, value }) =>
        errorAt(
          childPointer(list.pointer, index, "digits"),
          "duplicate_keypad_digits",
          `The keys ${quoted(value)} are used by two options of this interaction, so the caller could not choose between them.`,
        ),
      );
      return [...repeatedIds, ...repeatedDigits];
    }),
  );
