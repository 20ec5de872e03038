/**
 * What the console knows about each interaction kind: its name in the menus, a line describing it,
 * whether it ends a dialog, and where it is available. Everything the editor asks about kinds goes
 * through this one adapter, so moving it onto the model's interaction registry touches one file.
 * The model's own labels (validation/labels.ts) are not exported from @parley/model; the menus use
 * the spec's words, kept in strings/editor.ts.
 */
import {
  type AnyInteractionKind,
  type AssistantType,
  allInteractionKinds,
  businessScheduleInnerKinds,
  type Channel,
  endInteractionKinds,
  isInteractionAvailable,
} from "@parley/model";
import { strings } from "../strings/index.ts";

export interface InteractionKindEntry {
  kind: AnyInteractionKind;
  /** The name spec 11 and spec 04 give it, as the Add Interaction menus show it. */
  label: string;
  description: string;
  /** End interactions link the dialog to the rest of the flow; a dialog has at most one. */
  end: boolean;
}

/** Where a list of interactions sits: a dialog, a conditional branch's path, or a business schedule's. */
export type InteractionPosition = "dialog" | "conditional_branch" | "business_schedule";

const endKinds: readonly string[] = endInteractionKinds;
const scheduleKinds: readonly string[] = businessScheduleInnerKinds;

function readableKind(kind: string): string {
  const words = kind.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function entryOf(kind: AnyInteractionKind): InteractionKindEntry {
  const words = strings.editor.interactionKinds[kind];
  return {
    kind,
    // A kind the console has no words for yet still shows, by its name in the model.
    label: words?.label ?? readableKind(kind),
    description: words?.description ?? "",
    end: endKinds.includes(kind),
  };
}

/** Every kind in menu order: interactions without redirects first, then end interactions. */
export const interactionCatalog: readonly InteractionKindEntry[] = allInteractionKinds.map(entryOf);

const entriesByKind = new Map(interactionCatalog.map((entry) => [entry.kind, entry]));

export function catalogEntry(kind: AnyInteractionKind): InteractionKindEntry {
  return entriesByKind.get(kind) ?? entryOf(kind);
}

/** The short name of a kind, as the sidebar and the interaction cards show it. */
export function interactionLabel(kind: string): string {
  return entriesByKind.get(kind as AnyInteractionKind)?.label ?? kind;
}

export function isEndKind(kind: string): boolean {
  return endKinds.includes(kind);
}

/**
 * The kinds an admin may add: those of the assistant's channel and type (spec 04), end
 * interactions or not, and inside a business schedule only what spec 04 lists for its paths.
 */
export function availableKinds(
  channel: Channel,
  type: AssistantType,
  options: { end: boolean; position?: InteractionPosition },
): InteractionKindEntry[] {
  const position = options.position ?? "dialog";
  return interactionCatalog.filter(
    (entry) =>
      entry.end === options.end &&
      isInteractionAvailable(entry.kind, channel, type) &&
      (position !== "business_schedule" || scheduleKinds.includes(entry.kind)),
  );
}
