/** Helpers for reading the definition before the schema has vouched for its shape. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function arrayAt(value: unknown, key: string): unknown[] {
  if (!isRecord(value)) return [];
  const found = value[key];
  return Array.isArray(found) ? found : [];
}

/** The names of the dialogs as written, so messages can say where a problem is. */
export function rawDialogNames(definition: unknown): (string | undefined)[] {
  return arrayAt(definition, "dialogs").map((dialog) =>
    isRecord(dialog) && typeof dialog.name === "string" ? dialog.name : undefined,
  );
}
