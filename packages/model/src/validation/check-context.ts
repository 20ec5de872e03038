import type { Assistant } from "../assistant.ts";
import { type InteractionSite, listInteractionSites } from "../interactions/walk.ts";
import { type DialogReferenceSite, listDialogReferences } from "./dialog-references.ts";
import type { Problem, ValidationOptions } from "./problem.ts";

/** What every semantic check reads, computed once per validation. */
export interface CheckContext {
  assistant: Assistant;
  options: ValidationOptions;
  sites: InteractionSite[];
  references: DialogReferenceSite[];
  /** The first dialog with each id; duplicates are reported by their own check. */
  dialogIndexById: Map<string, number>;
}

export type Check = (context: CheckContext) => Problem[];

export function createCheckContext(assistant: Assistant, options: ValidationOptions): CheckContext {
  const sites = listInteractionSites(assistant);
  const dialogIndexById = new Map<string, number>();
  assistant.dialogs.forEach((dialog, index) => {
    if (!dialogIndexById.has(dialog.id)) dialogIndexById.set(dialog.id, index);
  });
  return { assistant, options, sites, references: listDialogReferences(assistant, sites), dialogIndexById };
}
