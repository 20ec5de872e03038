import type { Dialog } from "../dialog.ts";
import type { Interaction } from "../interaction.ts";
import type { InteractionPath } from "../interactions/interaction-path.ts";
import { interactionDefinition, interactionKindsAllowedAt } from "../interactions/registry.ts";
import { nestedPathsOf } from "../interactions/walk.ts";
import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { listInProse } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";

/** A path that always leaves for another dialog, by its own redirect or by what it holds. */
export function pathAlwaysRedirects(path: InteractionPath): boolean {
  return path.redirectTo !== undefined || !listFallsThrough(path.interactions);
}

/** Whether the interaction after this one can ever run. */
export function interactionFallsThrough(interaction: Interaction): boolean {
  const paths = nestedPathsOf(interaction);
  if (paths.length === 0) return true;
  // Without "otherwise", a customer who matches no branch goes on to the next interaction.
  if (interaction.kind === "conditional_branch" && interaction.otherwise === undefined) return true;
  return !paths.every((nested) => pathAlwaysRedirects(nested.path));
}

export function listFallsThrough(interactions: readonly Interaction[]): boolean {
  return interactions.every(interactionFallsThrough);
}

/** A dialog whose interactions always redirect is linked even without an end interaction. */
export function dialogReachesEnd(dialog: Dialog): boolean {
  return listFallsThrough(dialog.interactions);
}

function blockedMessage(interaction: Interaction): string {
  const what =
    interaction.kind === "conditional_branch"
      ? "every branch of the conditional branch before it, and its otherwise path, redirect"
      : "both paths of the business schedule before it redirect";
  return `This can never run: ${what} to another dialog. Remove it, or let one path continue instead of redirecting.`;
}

/**
 * Spec 04: "If you redirect all of your conditional branches, you can't add
 * additional interactions after this block or redirect the customer to another dialog."
 */
function checkList(
  interactions: readonly Interaction[],
  listPointer: string,
  afterList: string | null,
  problems: Problem[],
): void {
  interactions.forEach((interaction, index) => {
    const pointer = childPointer(listPointer, index);
    for (const nested of nestedPathsOf(interaction, pointer)) {
      const redirect =
        nested.path.redirectTo === undefined ? null : childPointer(nested.pointer, "redirectTo");
      checkList(nested.path.interactions, childPointer(nested.pointer, "interactions"), redirect, problems);
    }
  });
  const blocking = interactions.findIndex((interaction) => !interactionFallsThrough(interaction));
  if (blocking === -1) return;
  const blocker = interactions[blocking] as Interaction;
  const next = blocking + 1 < interactions.length ? childPointer(listPointer, blocking + 1) : afterList;
  if (next !== null) problems.push(errorAt(next, "unreachable_after_branch", blockedMessage(blocker)));
}

export const checkUnreachableAfterBranch: Check = ({ assistant }) => {
  const problems: Problem[] = [];
  assistant.dialogs.forEach((dialog, index) => {
    const dialogPointer = childPointer("", "dialogs", index);
    const end = dialog.end ? childPointer(dialogPointer, "end") : null;
    checkList(dialog.interactions, childPointer(dialogPointer, "interactions"), end, problems);
  });
  return problems;
};

/** Spec 04 lists what a business schedule can do during or outside business hours. */
export const checkBusinessSchedulePaths: Check = ({ sites }) =>
  sites
    .filter(
      (site) =>
        site.position === "business_schedule" &&
        !interactionDefinition(site.interaction.kind).availability.positions.includes("business_schedule"),
    )
    .map((site) =>
      errorAt(
        site.pointer,
        "kind_not_allowed_in_business_schedule",
        `${interactionDefinition(site.interaction.kind).label} cannot be used inside a business schedule; its paths can hold ${listInProse(interactionKindsAllowedAt("business_schedule").map((kind) => interactionDefinition(kind).label))}, and end with a redirect.`,
      ),
    );
