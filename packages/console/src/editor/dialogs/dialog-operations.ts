/**
 * Changes to the list of dialogs, applied to the working copy's immer draft. Welcome stays first
 * (the model requires it); new dialogs go before Complete Assistant when it closes the list, so the
 * sidebar reads in the order a conversation usually runs.
 */
import { type Assistant, completeAssistantDialogName, type Dialog, welcomeDialogName } from "@parley/model";
import { identifierFrom, uniqueIdentifier } from "./new-identifiers.ts";

export function isWelcomeDialog(definition: Assistant, dialog: Dialog): boolean {
  return definition.dialogs[0]?.id === dialog.id && dialog.name === welcomeDialogName;
}

export function isCompleteAssistantDialog(dialog: Dialog): boolean {
  return dialog.name === completeAssistantDialogName;
}

/** Welcome and Complete Assistant are every assistant's own (spec 05): they keep their names and stay. */
export function isDefaultDialog(definition: Assistant, dialog: Dialog): boolean {
  return isWelcomeDialog(definition, dialog) || isCompleteAssistantDialog(dialog);
}

/** Adds an empty dialog (no interactions, no end interaction: unlinked) and returns its id. */
export function addDialog(draft: Assistant, name: string): string {
  const taken = new Set(draft.dialogs.map((dialog) => dialog.id));
  const id = uniqueIdentifier(identifierFrom(name, "dialog"), taken);
  const dialog: Dialog = { id, name: name.trim(), interactions: [], end: null };
  const last = draft.dialogs.at(-1);
  const beforeLast = draft.dialogs.length > 1 && last !== undefined && isCompleteAssistantDialog(last);
  draft.dialogs.splice(beforeLast ? draft.dialogs.length - 1 : draft.dialogs.length, 0, dialog);
  return id;
}

/**
 * Deletes a dialog. Redirects to it are left as they are: validation then names each one
 * (`redirect_to_missing_dialog`) and the sidebar shows those dialogs as not linked.
 */
export function deleteDialog(draft: Assistant, dialogId: string): void {
  const index = draft.dialogs.findIndex((dialog) => dialog.id === dialogId);
  if (index > 0) draft.dialogs.splice(index, 1);
}

/** Why a name cannot be a new dialog's, or null. */
export function dialogNameProblem(
  definition: Assistant,
  name: string,
  messages: { required: string; tooLong: string; taken: string },
  ownId?: string,
): string | null {
  const trimmed = name.trim();
  if (trimmed === "") return messages.required;
  if (trimmed.length > 100) return messages.tooLong;
  const clash = definition.dialogs.some(
    (dialog) => dialog.id !== ownId && dialog.name.trim().toLowerCase() === trimmed.toLowerCase(),
  );
  return clash ? messages.taken : null;
}
