import { arrayMove } from "@dnd-kit/sortable";
import { notifications } from "@mantine/notifications";
import type { Interaction } from "@parley/model";
import { createElement, useCallback, useMemo } from "react";
import { strings } from "../../strings/index.ts";
import { valueAt } from "../definition-pointer.ts";
import { useDraftEditor } from "../draft-editor.tsx";
import { focusPointer } from "../problem-pointers.ts";
import { UndoMessage } from "./undo-message.tsx";

const text = strings.editor.interactionList;

/** After React has moved the card, keep the keyboard on the button that moved it. */
function refocus(sortKey: string, action: "up" | "down") {
  window.requestAnimationFrame(() => {
    const card = document.querySelector(`[data-sort-key="${CSS.escape(sortKey)}"]`);
    const wanted = card?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    const other = card?.querySelector<HTMLButtonElement>(
      `[data-action="${action === "up" ? "down" : "up"}"]`,
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  });
}

/** Adding, moving and deleting the interactions of the list at `pointer`, in the working copy. */
export function useListChanges(pointer: string) {
  const { update, definition } = useDraftEditor();
  const change = useCallback(
    (recipe: (list: Interaction[]) => void) =>
      update((draft) => {
        const list = valueAt(draft, pointer);
        if (Array.isArray(list)) recipe(list as Interaction[]);
      }),
    [update, pointer],
  );

  return useMemo(
    () => ({
      append(interaction: Interaction) {
        const current = valueAt(definition, pointer);
        const index = Array.isArray(current) ? current.length : 0;
        change((list) => {
          list.push(interaction);
        });
        window.setTimeout(() => focusPointer(`${pointer}/${index}`), 0);
      },
      move(from: number, to: number, sortKey: string, focusAction?: "up" | "down") {
        change((list) => {
          const moved = arrayMove(list, from, to);
          list.splice(0, list.length, ...moved);
        });
        if (focusAction) refocus(sortKey, focusAction);
      },
      remove(index: number, label: string) {
        // Read from the rendered copy: the recipe runs later, inside React's state update.
        const current = valueAt(definition, pointer);
        const restore = Array.isArray(current) ? (current[index] as Interaction | undefined) : undefined;
        if (restore === undefined) return;
        change((list) => {
          list.splice(index, 1);
        });
        const id = `removed-${pointer}-${restore.id}`;
        notifications.show({
          id,
          color: "gray",
          autoClose: 8000,
          message: createElement(UndoMessage, {
            message: text.removed(label),
            undoLabel: text.undo,
            onUndo: () => {
              change((list) => {
                list.splice(Math.min(index, list.length), 0, restore);
              });
              notifications.hide(id);
            },
          }),
        });
      },
    }),
    [change, pointer, definition],
  );
}
