import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { quoted } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";
import type { AnyInteraction } from "./walk.ts";

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
  id?: string;
  digits?: string | undefined;
}

/** The choices of an interaction and the field that lists them. */
function choicesOf(
  interaction: AnyInteraction,
): { field: string; what: string; choices: readonly Choice[] } | null {
  switch (interaction.kind) {
    case "button_question":
    case "navigation_buttons":
      return { field: "buttons", what: "button", choices: interaction.buttons };
    case "list_selector":
    case "collect_customer_input":
    case "collect_language_preference":
      return { field: "options", what: "option", choices: interaction.options };
    case "conditional_branch":
      return { field: "branches", what: "branch", choices: interaction.branches };
    default:
      return null;
  }
}

function duplicates(choices: readonly Choice[], key: "id" | "digits"): { index: number; value: string }[] {
  const seen = new Set<string>();
  const found: { index: number; value: string }[] = [];
  choices.forEach((choice, index) => {
    const value = choice[key];
    if (value === undefined) return;
    if (seen.has(value)) found.push({ index, value });
    seen.add(value);
  });
  return found;
}

/** A customer's choice is recorded by its id, and on voice made by its keys, so neither may repeat. */
export const checkDuplicateChoices: Check = ({ sites }) =>
  sites.flatMap(({ interaction, pointer }) => {
    const found = choicesOf(interaction);
    if (found === null) return [];
    const { field, what, choices } = found;
    const repeatedIds = duplicates(choices, "id").map(({ index, value }) =>
      errorAt(
        childPointer(pointer, field, index, "id"),
        "duplicate_option_id",
        `The ${what} id ${quoted(value)} is used twice in this interaction; each ${what} needs its own id.`,
      ),
    );
    const repeatedDigits = duplicates(choices, "digits").map(({ index, value }) =>
      errorAt(
        childPointer(pointer, field, index, "digits"),
        "duplicate_keypad_digits",
        `The keys ${quoted(value)} are used by two options of this interaction, so the caller could not choose between them.`,
      ),
    );
    return [...repeatedIds, ...repeatedDigits];
  });
