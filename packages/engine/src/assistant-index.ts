import {
  type Assistant,
  type Dialog,
  type EndInteraction,
  type Interaction,
  walkInteractions,
} from "@parley/model";

/** A list of interactions the cursor can walk: a dialog's own list or a nested path. */
export interface InteractionList {
  key: string;
  dialogId: string;
  interactions: Interaction[];
  /** Nested paths only: where to go when the path ends. Absent: back to the interaction after the owner. */
  redirectTo?: string | undefined;
  /** Nested paths only. */
  nested: boolean;
}

export interface AssistantIndex {
  dialogs: Map<string, Dialog>;
  lists: Map<string, InteractionList>;
  interactions: Map<string, Interaction | EndInteraction>;
}

/**
 * Keys of nested paths: `<interactionId>/<path key>`, the path keys of the model's interaction
 * definitions (walkInteractions builds the same). Ids cannot contain `/`, so keys never collide.
 * Conversations in progress store these keys in their cursor.
 */
export function branchPathKey(interactionId: string, branchId: string): string {
  return `${interactionId}/branch:${branchId}`;
}
export function otherwisePathKey(interactionId: string): string {
  return `${interactionId}/otherwise`;
}
export function schedulePathKey(interactionId: string, during: boolean): string {
  return `${interactionId}/${during ? "during" : "outside"}`;
}

const indexes = new WeakMap<Assistant, AssistantIndex>();

/** Built once per assistant object and reused: a published version is immutable. */
export function indexAssistant(assistant: Assistant): AssistantIndex {
  const cached = indexes.get(assistant);
  if (cached) return cached;
  const index: AssistantIndex = { dialogs: new Map(), lists: new Map(), interactions: new Map() };
  for (const dialog of assistant.dialogs) index.dialogs.set(dialog.id, dialog);
  walkInteractions(assistant, {
    list: (list) => {
      index.lists.set(list.key, {
        key: list.key,
        dialogId: list.dialog.id,
        interactions: list.interactions,
        ...(list.nested ? { redirectTo: list.nested.path.redirectTo } : {}),
        nested: list.nested !== null,
      });
    },
    interaction: (site) => {
      index.interactions.set(site.interaction.id, site.interaction);
    },
  });
  indexes.set(assistant, index);
  return index;
}
