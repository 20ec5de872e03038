import { childPointer } from "../validation/json-pointer.ts";
import type { AnyInteraction, ReferenceTarget } from "./definition.ts";
import { valuesAt } from "./field-paths.ts";
import { interactionDefinitions } from "./registry.ts";

/** Reads the fields each kind's definition names, so no caller needs a table of its own. */

export interface ReferenceSite {
  target: ReferenceTarget;
  value: unknown;
  /** Pointer of the field that holds the reference. */
  pointer: string;
  withoutAnswer: boolean;
}

/** The references an interaction holds, in the order its definition lists them; absent ones are left out. */
export function referencesOf(
  interaction: AnyInteraction,
  pointer: string,
  target?: ReferenceTarget,
): ReferenceSite[] {
  return interactionDefinitions[interaction.kind].references
    .filter((reference) => target === undefined || reference.target === target)
    .flatMap((reference) =>
      valuesAt(interaction, reference.path).map((found) => ({
        target: reference.target,
        value: found.value,
        pointer: childPointer(pointer, ...found.segments),
        withoutAnswer: reference.withoutAnswer ?? false,
      })),
    );
}

export interface DialogReference {
  dialogId: string;
  /** Pointer of the field that holds the dialog id. */
  pointer: string;
}

/**
 * The dialogs an interaction can lead to by itself, the redirects at the end of its nested paths
 * included. Interactions inside those paths are sites of their own.
 */
export function dialogReferencesOf(interaction: AnyInteraction, pointer: string): DialogReference[] {
  return referencesOf(interaction, pointer, "dialog").flatMap((reference) =>
    typeof reference.value === "string" ? [{ dialogId: reference.value, pointer: reference.pointer }] : [],
  );
}

export interface TextTemplateSite {
  text: string;
  pointer: string;
}

/** The texts customers read or hear, with their `{{...}}` placeholders. */
export function textTemplatesOf(interaction: AnyInteraction, pointer: string): TextTemplateSite[] {
  return interactionDefinitions[interaction.kind].textTemplateFields.flatMap((path) =>
    valuesAt(interaction, path).flatMap((found) =>
      typeof found.value === "string"
        ? [{ text: found.value, pointer: childPointer(pointer, ...found.segments) }]
        : [],
    ),
  );
}

export interface OptionListSite {
  /** Pointer of the list. */
  pointer: string;
  noun: string;
  options: readonly { id?: unknown; digits?: unknown }[];
}

/** The lists of buttons, options or branches whose ids (and keypad digits) must differ. */
export function optionListsOf(interaction: AnyInteraction, pointer: string): OptionListSite[] {
  return interactionDefinitions[interaction.kind].optionIds.flatMap((list) =>
    valuesAt(interaction, list.path).flatMap((found) =>
      Array.isArray(found.value)
        ? [{ pointer: childPointer(pointer, ...found.segments), noun: list.noun, options: found.value }]
        : [],
    ),
  );
}
