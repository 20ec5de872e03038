import {
  type Assistant,
  type Dialog,
  type EndInteraction,
  type Interaction,
  mapNestedPaths,
  walkDialog,
} from "@parley/model";
import {
  diffValues,
  jsonEqual,
  longestCommonSubsequence,
  pointerOf,
  type ValueChange,
} from "./value-diff.ts";

/** An interaction and where it sits, as a pointer into its own version of the definition. */
export interface InteractionEntry {
  id: string;
  kind: string;
  path: string;
}

export interface ChangedInteraction extends InteractionEntry {
  /** Pointers relative to the interaction; the interactions nested in branch and schedule paths are compared on their own. */
  changes: ValueChange[];
}

export interface MovedInteraction {
  id: string;
  kind: string;
  from: string;
  to: string;
}

export interface EndChange {
  from: { id: string; kind: string } | null;
  to: { id: string; kind: string } | null;
  changes: ValueChange[];
}

export interface DialogEntry {
  id: string;
  name: string;
  path: string;
}

export interface DialogChange {
  id: string;
  name: string;
  interactions: {
    added: InteractionEntry[];
    removed: InteractionEntry[];
    changed: ChangedInteraction[];
    moved: MovedInteraction[];
  };
  /** Null when the end interaction is the same. */
  end: EndChange | null;
}

export interface AssistantDiff {
  identical: boolean;
  /** Everything outside the dialogs: names, channel, type, language, intents, settings. */
  settings: ValueChange[];
  dialogs: {
    added: DialogEntry[];
    removed: DialogEntry[];
    renamed: { id: string; from: string; to: string }[];
    changed: DialogChange[];
  };
}

/** An interaction with its place: the path that holds it, and the pointer to it. */
interface Placed {
  interaction: Interaction;
  /** The list that holds it: the dialog's, or a nested path named by its holder and the branch's id, so reordering branches moves nothing. */
  container: string;
  path: string;
}

function placeDialog(dialog: Dialog, dialogIndex: number): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  walkDialog(dialog, dialogIndex, {
    interaction: ({ interaction, pointer, list }) => {
      // The end interaction is compared on its own (compareEnds).
      if (list === null) return;
      placed.set(interaction.id, {
        interaction: interaction as Interaction,
        container: list.key,
        path: pointer,
      });
    },
  });
  return placed;
}

/** The interaction without the interactions of its nested paths, which are compared one by one. */
function ownFields(interaction: Interaction): unknown {
  return mapNestedPaths(interaction, "", (nested) => {
    const { interactions: _nested, ...path } = nested.path as Record<string, unknown>;
    return path;
  });
}

/** Ids in the order they appear in each container, for finding the ones that changed places. */
function orderByContainer(placed: Map<string, Placed>, shared: Set<string>): Map<string, string[]> {
  const orders = new Map<string, string[]>();
  for (const [id, entry] of placed) {
    if (!shared.has(id)) continue;
    const order = orders.get(entry.container) ?? [];
    order.push(id);
    orders.set(entry.container, order);
  }
  return orders;
}

function compareInteractions(
  from: Map<string, Placed>,
  to: Map<string, Placed>,
): DialogChange["interactions"] {
  const entry = (id: string, placed: Placed): InteractionEntry => ({
    id,
    kind: placed.interaction.kind,
    path: placed.path,
  });
  const added = [...to].filter(([id]) => !from.has(id)).map(([id, placed]) => entry(id, placed));
  const removed = [...from].filter(([id]) => !to.has(id)).map(([id, placed]) => entry(id, placed));
  const changed: ChangedInteraction[] = [];
  const moved: MovedInteraction[] = [];

  const sameContainer = new Set(
    [...to].filter(([id, placed]) => from.get(id)?.container === placed.container).map(([id]) => id),
  );
  const fromOrders = orderByContainer(from, sameContainer);
  const toOrders = orderByContainer(to, sameContainer);
  const inPlace = new Set<string>();
  for (const [container, fromOrder] of fromOrders) {
    for (const id of longestCommonSubsequence(fromOrder, toOrders.get(container) ?? [])) inPlace.add(id);
  }

  for (const [id, after] of to) {
    const before = from.get(id);
    if (!before) continue;
    if (!inPlace.has(id)) moved.push({ id, kind: after.interaction.kind, from: before.path, to: after.path });
    const changes = diffValues(ownFields(before.interaction), ownFields(after.interaction));
    if (changes.length > 0) changed.push({ ...entry(id, after), changes });
  }
  return { added, removed, changed, moved };
}

function compareEnds(from: EndInteraction | null, to: EndInteraction | null): EndChange | null {
  if (jsonEqual(from, to)) return null;
  const summary = (end: EndInteraction | null) => (end ? { id: end.id, kind: end.kind } : null);
  return { from: summary(from), to: summary(to), changes: diffValues(from, to) };
}

function withoutDialogs(definition: Assistant): Record<string, unknown> {
  const { dialogs: _dialogs, ...rest } = definition;
  return rest;
}

/**
 * What changed from one version of an assistant to another, in the terms of
 * the editor: settings by JSON pointer, dialogs matched by id, and inside
 * each dialog the interactions matched by id wherever they sit (including
 * branch and schedule paths). Pure.
 */
export function compareAssistants(from: Assistant, to: Assistant): AssistantDiff {
  const fromDialogs = new Map(from.dialogs.map((dialog, index) => [dialog.id, { dialog, index }]));
  const toDialogs = new Map(to.dialogs.map((dialog, index) => [dialog.id, { dialog, index }]));
  const entry = (dialog: Dialog, index: number): DialogEntry => ({
    id: dialog.id,
    name: dialog.name,
    path: pointerOf("", "dialogs", index),
  });

  const diff: AssistantDiff = {
    identical: false,
    settings: diffValues(withoutDialogs(from), withoutDialogs(to)),
    dialogs: {
      added: to.dialogs.flatMap((dialog, index) =>
        fromDialogs.has(dialog.id) ? [] : [entry(dialog, index)],
      ),
      removed: from.dialogs.flatMap((dialog, index) =>
        toDialogs.has(dialog.id) ? [] : [entry(dialog, index)],
      ),
      renamed: [],
      changed: [],
    },
  };

  for (const [id, after] of toDialogs) {
    const before = fromDialogs.get(id);
    if (!before) continue;
    if (before.dialog.name !== after.dialog.name) {
      diff.dialogs.renamed.push({ id, from: before.dialog.name, to: after.dialog.name });
    }
    const interactions = compareInteractions(
      placeDialog(before.dialog, before.index),
      placeDialog(after.dialog, after.index),
    );
    const end = compareEnds(before.dialog.end, after.dialog.end);
    const unchanged = Object.values(interactions).every((list) => list.length === 0);
    if (!unchanged || end !== null)
      diff.dialogs.changed.push({ id, name: after.dialog.name, interactions, end });
  }

  diff.identical =
    diff.settings.length === 0 && Object.values(diff.dialogs).every((list) => list.length === 0);
  return diff;
}
