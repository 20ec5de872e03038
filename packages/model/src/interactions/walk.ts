import type { Dialog } from "../dialog.ts";
import type { Interaction } from "../interaction.ts";
import { childPointer } from "../validation/json-pointer.ts";
import type { AnyInteraction, InteractionPosition } from "./definition.ts";
import { updateValuesAt, valuesAt } from "./field-paths.ts";
import type { InteractionPath } from "./interaction-path.ts";
import { interactionDefinitions, isInteractionKind } from "./registry.ts";

/**
 * The one walker of nested interaction paths. Which fields hold paths is each kind's definition's
 * business (`nestedPaths`); everything that walks a dialog's interactions goes through here.
 */

export interface NestedPathSite<Path = InteractionPath> {
  path: Path;
  /** Pointer of the path object (the branch, `otherwise`, `duringHours`…). */
  pointer: string;
  /** Stable name of the path within its holder: `branch:<id>`, `otherwise`, `during`, `outside`. */
  key: string;
  /** Where the interactions inside the path sit: the holder's kind. */
  position: InteractionPosition;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The paths an interaction holds, in the order they are tried. Reads unparsed JSON too. */
export function nestedPathsOf(interaction: AnyInteraction, pointer?: string): NestedPathSite[];
export function nestedPathsOf(interaction: unknown, pointer?: string): NestedPathSite<unknown>[];
export function nestedPathsOf(interaction: unknown, pointer = ""): NestedPathSite<unknown>[] {
  if (!isRecord(interaction) || !isInteractionKind(interaction.kind)) return [];
  const { kind, nestedPaths } = interactionDefinitions[interaction.kind];
  return nestedPaths.flatMap((nested) =>
    valuesAt(interaction, nested.path).map((found) => ({
      path: found.value,
      pointer: childPointer(pointer, ...found.segments),
      key: nested.path.endsWith("[]") ? `${nested.key}:${String(idOf(found.value))}` : nested.key,
      position: kind as InteractionPosition,
    })),
  );
}

function idOf(value: unknown): unknown {
  return isRecord(value) ? value.id : undefined;
}

/** A copy of the interaction with each nested path replaced by `transform`'s result. Reads unparsed JSON too. */
export function mapNestedPaths<Value>(
  interaction: Value,
  pointer: string,
  transform: (site: NestedPathSite<unknown>) => unknown,
): Value {
  if (!isRecord(interaction) || !isInteractionKind(interaction.kind)) return interaction;
  const { kind, nestedPaths } = interactionDefinitions[interaction.kind];
  let result = interaction;
  for (const nested of nestedPaths) {
    result = updateValuesAt(result, nested.path, (found) =>
      transform({
        path: found.value,
        pointer: childPointer(pointer, ...found.segments),
        key: nested.path.endsWith("[]") ? `${nested.key}:${String(idOf(found.value))}` : nested.key,
        position: kind as InteractionPosition,
      }),
    );
  }
  return result as Value;
}

/** A list of interactions: a dialog's own, or the list of a nested path. */
export interface InteractionListSite {
  interactions: Interaction[];
  /** Pointer of the array. */
  pointer: string;
  /** The dialog's id for its own list; `<holder id>/<path key>` for a nested path (ids cannot hold `/`). */
  key: string;
  dialog: Dialog;
  dialogIndex: number;
  position: InteractionPosition;
  /** 0 for the dialog's own list, 1 inside a branch or schedule, and so on. */
  depth: number;
  /** Nested lists only: the path, for its `redirectTo`. */
  nested: NestedPathSite | null;
}

export interface InteractionSite {
  interaction: AnyInteraction;
  pointer: string;
  dialog: Dialog;
  dialogIndex: number;
  position: InteractionPosition;
  depth: number;
  /** The list that holds it; null for the dialog's end interaction. */
  list: InteractionListSite | null;
}

export interface InteractionVisitor {
  list?(site: InteractionListSite): void;
  interaction?(site: InteractionSite): void;
}

function walkList(list: InteractionListSite, visitor: InteractionVisitor): void {
  visitor.list?.(list);
  list.interactions.forEach((interaction, index) => {
    const pointer = childPointer(list.pointer, index);
    const { dialog, dialogIndex, depth } = list;
    visitor.interaction?.({
      interaction,
      pointer,
      dialog,
      dialogIndex,
      position: list.position,
      depth,
      list,
    });
    for (const nested of nestedPathsOf(interaction, pointer)) {
      walkList(
        {
          interactions: nested.path.interactions,
          pointer: childPointer(nested.pointer, "interactions"),
          key: `${interaction.id}/${nested.key}`,
          dialog,
          dialogIndex,
          position: nested.position,
          depth: depth + 1,
          nested,
        },
        visitor,
      );
    }
  });
}

/**
 * Visits a dialog in document order: its list, each interaction followed by the lists nested in it,
 * then its end interaction.
 */
export function walkDialog(dialog: Dialog, dialogIndex: number, visitor: InteractionVisitor): void {
  const dialogPointer = childPointer("", "dialogs", dialogIndex);
  walkList(
    {
      interactions: dialog.interactions,
      pointer: childPointer(dialogPointer, "interactions"),
      key: dialog.id,
      dialog,
      dialogIndex,
      position: "dialog",
      depth: 0,
      nested: null,
    },
    visitor,
  );
  if (dialog.end) {
    const pointer = childPointer(dialogPointer, "end");
    visitor.interaction?.({
      interaction: dialog.end,
      pointer,
      dialog,
      dialogIndex,
      position: "end",
      depth: 0,
      list: null,
    });
  }
}

export function walkInteractions(
  assistant: { dialogs: readonly Dialog[] },
  visitor: InteractionVisitor,
): void {
  assistant.dialogs.forEach((dialog, index) => {
    walkDialog(dialog, index, visitor);
  });
}

/** Every interaction of the assistant, nested ones included, in document order. */
export function listInteractionSites(assistant: { dialogs: readonly Dialog[] }): InteractionSite[] {
  const sites: InteractionSite[] = [];
  walkInteractions(assistant, { interaction: (site) => sites.push(site) });
  return sites;
}
