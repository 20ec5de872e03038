import type { Assistant } from "@parley/model";

/**
 * Where in the editor a problem's JSON pointer is shown: the tab's path under /assistants/:id and
 * the pointer the field carries (`data-pointer`), so a problem's link opens the field it names.
 */
export function editorLocationOf(definition: Assistant, pointer: string): { route: string; pointer: string } {
  const parts = pointer.split("/").slice(1);
  if (parts[0] === "dialogs" && parts[1] !== undefined) {
    const dialog = definition.dialogs[Number(parts[1])];
    if (dialog) return { route: `dialogs/${encodeURIComponent(dialog.id)}`, pointer };
  }
  return { route: "settings", pointer };
}

/** Focuses the field that shows a pointer, once its page has rendered. */
export function focusPointer(pointer: string, attempts = 200): void {
  const field = document.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(pointer)}"]`);
  if (field) {
    field.scrollIntoView({ block: "center" });
    const focusable = field.matches("input, textarea, select, button, [tabindex]")
      ? field
      : field.querySelector<HTMLElement>("input, textarea, select, button, [tabindex]");
    focusable?.focus();
    return;
  }
  // The nearest enclosing pointer shown on the page, when the exact one has no field of its own.
  const parent = pointer.slice(0, pointer.lastIndexOf("/"));
  if (attempts > 0) window.setTimeout(() => focusPointer(pointer, attempts - 1), 50);
  else if (parent) focusPointer(parent, 0);
}
