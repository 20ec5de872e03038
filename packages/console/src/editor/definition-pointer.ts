import type { Assistant } from "@parley/model";
import { useCallback } from "react";
import { useDraftEditor } from "./draft-editor.tsx";

/** The value a JSON pointer names inside a definition (RFC 6901), or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === "") return root;
  let value: unknown = root;
  for (const token of pointer.split("/").slice(1)) {
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A pointer one step further in: `childPointer("/dialogs/0", "interactions", 2)`. */
export function childPointer(pointer: string, ...keys: (string | number)[]): string {
  return keys.reduce<string>(
    (current, key) => `${current}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`,
    pointer,
  );
}

/**
 * Changes the part of the working copy a pointer names: forms get an `update` for their own
 * interaction or list and never see the rest of the definition.
 */
export function useUpdateAt<T>(pointer: string): (recipe: (value: T) => void) => void {
  const { update } = useDraftEditor();
  return useCallback(
    (recipe: (value: T) => void) =>
      update((draft: Assistant) => {
        const target = valueAt(draft, pointer);
        if (target !== undefined && target !== null) recipe(target as T);
      }),
    [update, pointer],
  );
}
