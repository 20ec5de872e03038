import type { Assistant } from "../assistant.ts";
import { type DialogReference, dialogReferencesOf } from "../interactions/interaction-fields.ts";
import type { InteractionSite } from "../interactions/walk.ts";
import { childPointer } from "./json-pointer.ts";

export interface DialogReferenceSite extends DialogReference {
  /** The dialog the reference leaves from; null for intent mappings and settings. */
  fromDialogIndex: number | null;
  source: "interaction" | "intent" | "behaviour";
}

/** Every redirect of the assistant: in interactions (nested ones included), intent mappings and settings. */
export function listDialogReferences(
  assistant: Assistant,
  sites: readonly InteractionSite[],
): DialogReferenceSite[] {
  const references: DialogReferenceSite[] = sites.flatMap((site) =>
    dialogReferencesOf(site.interaction, site.pointer).map((reference) => ({
      ...reference,
      fromDialogIndex: site.dialogIndex,
      source: "interaction" as const,
    })),
  );
  assistant.intents.forEach((mapping, index) => {
    references.push({
      dialogId: mapping.dialogId,
      pointer: childPointer("", "intents", index, "dialogId"),
      fromDialogIndex: null,
      source: "intent",
    });
  });
  const noIntentMatch = assistant.settings.behaviour.noIntentMatch;
  if (noIntentMatch.action === "redirect") {
    references.push({
      dialogId: noIntentMatch.dialogId,
      pointer: "/settings/behaviour/noIntentMatch/dialogId",
      fromDialogIndex: null,
      source: "behaviour",
    });
  }
  return references;
}
