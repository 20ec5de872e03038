/**
 * What the console knows about each interaction kind: its name in the menus, a line describing it,
 * whether it ends a dialog, and where it is available. Availability comes from the model's
 * interaction registry; the names are the spec's words (spec 11, 04), kept in strings/editor.ts so
 * the console can be translated.
 */
import {
  type AnyInteractionKind,
  type AssistantType,
  allInteractionKinds,
  availableInteractionKinds,
  type Channel,
  interactionDefinitions,
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

function entryOf(kind: AnyInteractionKind): InteractionKindEntry {
  const definition = interactionDefinitions[kind];
  const words = strings.editor.interactionKinds[kind];
  return {
    kind,
    label: words?.label ?? definition.label,
    description: words?.description ?? definition.description,
    end: definition.end,
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
  return entriesByKind.get(kind as AnyInteractionKind)?.end ?? false;
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
  const position = options.end ? "end" : (options.position ?? "dialog");
  return availableInteractionKinds({ channel, assistantType: type, end: options.end, position }).map(
    catalogEntry,
  );
}
