import type { Assistant } from "../assistant.ts";
import type { EndInteraction, Interaction } from "../interaction.ts";
import type { InteractionPath } from "../interactions/interaction-path.ts";
import { childPointer } from "./json-pointer.ts";

export type AnyInteraction = Interaction | EndInteraction;

/** Where an interaction sits: a dialog's list, its end, or a path of a branch or schedule. */
export type Placement = "dialog" | "end" | "conditional_branch" | "business_schedule";

export interface InteractionSite {
  interaction: AnyInteraction;
  pointer: string;
  dialogIndex: number;
  placement: Placement;
}

export interface NestedPath {
  path: InteractionPath;
  pointer: string;
}

/** The paths a conditional branch or business schedule holds, in the order they are tried. */
export function nestedPaths(interaction: AnyInteraction, pointer: string): NestedPath[] {
  if (interaction.kind === "conditional_branch") {
    const paths: NestedPath[] = interaction.branches.map((branch, index) => ({
      path: branch,
      pointer: childPointer(pointer, "branches", index),
    }));
    if (interaction.otherwise) {
      paths.push({ path: interaction.otherwise, pointer: childPointer(pointer, "otherwise") });
    }
    return paths;
  }
  if (interaction.kind === "business_schedule") {
    return [
      { path: interaction.duringHours, pointer: childPointer(pointer, "duringHours") },
      { path: interaction.outsideHours, pointer: childPointer(pointer, "outsideHours") },
    ];
  }
  return [];
}

function visitList(
  interactions: readonly Interaction[],
  listPointer: string,
  dialogIndex: number,
  placement: Placement,
  sites: InteractionSite[],
): void {
  interactions.forEach((interaction, index) => {
    const pointer = childPointer(listPointer, index);
    sites.push({ interaction, pointer, dialogIndex, placement });
    for (const nested of nestedPaths(interaction, pointer)) {
      const holder = interaction.kind === "conditional_branch" ? "conditional_branch" : "business_schedule";
      visitList(
        nested.path.interactions,
        childPointer(nested.pointer, "interactions"),
        dialogIndex,
        holder,
        sites,
      );
    }
  });
}

/** Every interaction of the assistant, nested ones included, in document order. */
export function listInteractionSites(assistant: Assistant): InteractionSite[] {
  const sites: InteractionSite[] = [];
  assistant.dialogs.forEach((dialog, dialogIndex) => {
    const dialogPointer = childPointer("", "dialogs", dialogIndex);
    visitList(dialog.interactions, childPointer(dialogPointer, "interactions"), dialogIndex, "dialog", sites);
    if (dialog.end) {
      sites.push({
        interaction: dialog.end,
        pointer: childPointer(dialogPointer, "end"),
        dialogIndex,
        placement: "end",
      });
    }
  });
  return sites;
}

export interface DialogReference {
  dialogId: string;
  /** Pointer of the field that holds the dialog id. */
  pointer: string;
}

/**
 * The dialogs an interaction can lead to by itself. Redirects at the end of
 * nested paths belong to the branch or schedule that holds them; interactions
 * inside those paths are sites of their own.
 */
export function dialogReferencesOf(interaction: AnyInteraction, pointer: string): DialogReference[] {
  const at = (dialogId: string, ...segments: (string | number)[]) => ({
    dialogId,
    pointer: childPointer(pointer, ...segments),
  });
  switch (interaction.kind) {
    case "redirect":
      return [at(interaction.dialogId, "dialogId")];
    case "navigation_buttons":
      return interaction.buttons.map((button, index) => at(button.dialogId, "buttons", index, "dialogId"));
    case "list_selector":
      return interaction.options.map((option, index) => at(option.dialogId, "options", index, "dialogId"));
    case "collect_customer_input":
      return interaction.options.map((option, index) => at(option.dialogId, "options", index, "dialogId"));
    case "request_feedback":
    case "ai_response":
    case "article_deflection":
      return Object.entries(interaction.redirects)
        .filter((entry): entry is [string, string] => typeof entry[1] === "string")
        .map(([outcome, dialogId]) => at(dialogId, "redirects", outcome));
    case "object_selector":
      return [
        at(interaction.notAuthenticatedRedirect, "notAuthenticatedRedirect"),
        at(interaction.noResultsRedirect, "noResultsRedirect"),
      ];
    case "conditional_branch":
    case "business_schedule":
      return nestedPaths(interaction, pointer).flatMap((nested) =>
        nested.path.redirectTo === undefined
          ? []
          : [{ dialogId: nested.path.redirectTo, pointer: childPointer(nested.pointer, "redirectTo") }],
      );
    default:
      return [];
  }
}

export interface DialogReferenceSite extends DialogReference {
  /** The dialog the reference leaves from; null for intent mappings and settings. */
  fromDialogIndex: number | null;
  source: "interaction" | "intent" | "behaviour";
}

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
