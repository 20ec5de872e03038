import type { Assistant, Dialog, EndInteraction, Interaction, InteractionPath } from "@parley/model";

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

/** Keys of nested paths: `<interactionId>/<path>`. Ids cannot contain `/`, so keys never collide. */
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
  for (const dialog of assistant.dialogs) {
    index.dialogs.set(dialog.id, dialog);
    addList(index, { key: dialog.id, dialogId: dialog.id, interactions: dialog.interactions, nested: false });
    if (dialog.end) index.interactions.set(dialog.end.id, dialog.end);
  }
  indexes.set(assistant, index);
  return index;
}

function addList(index: AssistantIndex, list: InteractionList): void {
  index.lists.set(list.key, list);
  for (const interaction of list.interactions) {
    index.interactions.set(interaction.id, interaction);
    const addPath = (key: string, path: InteractionPath) =>
      addList(index, {
        key,
        dialogId: list.dialogId,
        interactions: path.interactions,
        redirectTo: path.redirectTo,
        nested: true,
      });
    if (interaction.kind === "conditional_branch") {
      for (const branch of interaction.branches) addPath(branchPathKey(interaction.id, branch.id), branch);
      if (interaction.otherwise) addPath(otherwisePathKey(interaction.id), interaction.otherwise);
    } else if (interaction.kind === "business_schedule") {
      addPath(schedulePathKey(interaction.id, true), interaction.duringHours);
      addPath(schedulePathKey(interaction.id, false), interaction.outsideHours);
    }
  }
}
