/**
 * How dialogs link to each other, as the Dialogs sidebar shows it with its anchors (spec 05, 11).
 * Which fields hold dialogs and which paths nest interactions come from the model's registry.
 */
import {
  type Assistant,
  type Dialog,
  type EndInteraction,
  type Interaction,
  type InteractionPath,
  interactionDefinition,
  nestedPathsOf as nestedPathSitesOf,
  valuesAt,
} from "@parley/model";

type AnyInteraction = Interaction | EndInteraction;

function nestedPathsOf(interaction: AnyInteraction): InteractionPath[] {
  return nestedPathSitesOf(interaction).map((site) => site.path);
}

/** The dialog ids an interaction can lead to by itself (nested paths' redirects included). */
export function dialogIdsOf(interaction: AnyInteraction): string[] {
  const references = interactionDefinition(interaction.kind).references.filter(
    (reference) => reference.target === "dialog",
  );
  const own = references.flatMap((reference) =>
    valuesAt(interaction, reference.path)
      .map((found) => found.value)
      .filter((value): value is string => typeof value === "string"),
  );
  const nested = nestedPathsOf(interaction).flatMap((path) =>
    path.redirectTo === undefined ? [] : [path.redirectTo],
  );
  return [...own, ...nested];
}

/** Every interaction of a list, nested ones included, in document order. */
function flatten(interactions: readonly Interaction[]): AnyInteraction[] {
  return interactions.flatMap((interaction) => [
    interaction,
    ...nestedPathsOf(interaction).flatMap((path) => flatten(path.interactions)),
  ]);
}

export function interactionsOfDialog(dialog: Dialog): AnyInteraction[] {
  return [...flatten(dialog.interactions), ...(dialog.end ? [dialog.end] : [])];
}

/** Ids already used by interactions anywhere in the assistant: a new one must differ from all. */
export function interactionIdsOf(definition: Assistant): Set<string> {
  return new Set(definition.dialogs.flatMap((dialog) => interactionsOfDialog(dialog).map((item) => item.id)));
}

function pathAlwaysRedirects(path: InteractionPath): boolean {
  return path.redirectTo !== undefined || !listFallsThrough(path.interactions);
}

/** Whether the interactions after a list can run: false when a branch or schedule redirects on every path. */
export function listFallsThrough(interactions: readonly Interaction[]): boolean {
  return interactions.every((interaction) => {
    if (interaction.kind === "conditional_branch") {
      if (interaction.otherwise === undefined) return true;
      return !interaction.branches.every(pathAlwaysRedirects) || !pathAlwaysRedirects(interaction.otherwise);
    }
    if (interaction.kind === "business_schedule") {
      return !pathAlwaysRedirects(interaction.duringHours) || !pathAlwaysRedirects(interaction.outsideHours);
    }
    return true;
  });
}

/**
 * The anchor of a dialog. `linked`: its end interaction (or every path of its interactions) leads
 * to other dialogs, the green anchor. `unlinked`: it can run to its end with nowhere to go, or
 * leads to a dialog that no longer exists, the red anchor with a strikethrough (the model's
 * `unlinked_dialog` and `redirect_to_missing_dialog`). `ends`: its end interaction ends the
 * assistant (a transfer, for example), as the Complete Assistant dialog does; spec 11 leaves it
 * without a green anchor, and it is not a problem either.
 */
export type DialogLink =
  | { state: "linked"; targets: Dialog[] }
  | { state: "unlinked"; reason: "no_end" | "missing_target" }
  | { state: "ends" };

export function dialogLinkOf(definition: Assistant, dialog: Dialog): DialogLink {
  const byId = new Map(definition.dialogs.map((candidate) => [candidate.id, candidate]));
  if (dialog.end === null) {
    if (listFallsThrough(dialog.interactions)) return { state: "unlinked", reason: "no_end" };
    const ids = flatten(dialog.interactions).flatMap(dialogIdsOf);
    return linkTo(ids, byId);
  }
  const ids = dialogIdsOf(dialog.end);
  if (ids.length === 0) return { state: "ends" };
  return linkTo(ids, byId);
}

function linkTo(ids: readonly string[], byId: Map<string, Dialog>): DialogLink {
  const targets = [...new Set(ids)].map((id) => byId.get(id));
  if (targets.some((target) => target === undefined)) return { state: "unlinked", reason: "missing_target" };
  return { state: "linked", targets: targets as Dialog[] };
}

/** The dialogs that can lead to this one: its previous dialogs in the flow. */
export function dialogsLeadingTo(definition: Assistant, dialogId: string): Dialog[] {
  return definition.dialogs.filter(
    (dialog) =>
      dialog.id !== dialogId &&
      interactionsOfDialog(dialog).some((interaction) => dialogIdsOf(interaction).includes(dialogId)),
  );
}
