import type { Dialog } from "../dialog.ts";
import type { Interaction } from "../interaction.ts";
import { dialogReferencesOf, referencesOf } from "../interactions/interaction-fields.ts";
import { interactionDefinition } from "../interactions/registry.ts";
import { nestedPathsOf } from "../interactions/walk.ts";
import { stronglyConnectedGroups } from "../strongly-connected-groups.ts";
import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { quoted } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";

/**
 * Endless loops: dialogs that can hand the conversation to one another
 * forever without once waiting for the customer. Each pass would send
 * messages, call workflows and update attributes with no one to stop it, so
 * such a cycle is an error. A cycle through any interaction that waits for a
 * reply is a menu, not a loop.
 */

interface Transition {
  toDialogId: string;
  /** Pointer of the field whose redirect makes the transition. */
  pointer: string;
}

/** Redirects a dialog can make before the customer has had to answer anything. */
function transitionsWithoutWaiting(dialog: Dialog, dialogPointer: string): Transition[] {
  const transitions: Transition[] = [];
  // Returns whether the end of the list can be reached without waiting for the customer.
  const scan = (interactions: readonly Interaction[], listPointer: string): boolean => {
    for (const [index, interaction] of interactions.entries()) {
      const pointer = childPointer(listPointer, index);
      const paths = nestedPathsOf(interaction, pointer);
      if (paths.length > 0) {
        let continues = interaction.kind === "conditional_branch" && interaction.otherwise === undefined;
        for (const nested of paths) {
          if (!scan(nested.path.interactions, childPointer(nested.pointer, "interactions"))) continue;
          if (nested.path.redirectTo === undefined) continues = true;
          else
            transitions.push({
              toDialogId: nested.path.redirectTo,
              pointer: childPointer(nested.pointer, "redirectTo"),
            });
        }
        if (!continues) return false;
        continue;
      }
      // An object selector redirects a customer who is not signed in, or has no objects, without asking.
      for (const reference of referencesOf(interaction, pointer, "dialog")) {
        if (reference.withoutAnswer && typeof reference.value === "string") {
          transitions.push({ toDialogId: reference.value, pointer: reference.pointer });
        }
      }
      if (interactionDefinition(interaction.kind).waitsForCustomer(interaction)) return false;
    }
    return true;
  };
  const reachesEnd = scan(dialog.interactions, childPointer(dialogPointer, "interactions"));
  // Of the end interactions, only a redirect neither waits for a choice nor ends the assistant.
  const end = dialog.end;
  if (reachesEnd && end !== null && !interactionDefinition(end.kind).waitsForCustomer(end)) {
    const endPointer = childPointer(dialogPointer, "end");
    for (const reference of dialogReferencesOf(end, endPointer)) {
      transitions.push({ toDialogId: reference.dialogId, pointer: reference.pointer });
    }
  }
  return transitions;
}

/** One concrete cycle through `start` inside its group, as dialog indexes ending back at `start`. */
function cycleThrough(
  start: number,
  group: ReadonlySet<number>,
  edges: readonly (readonly number[])[],
): number[] {
  const previous = new Map<number, number>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as number;
    for (const next of edges[node] ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const cycle = [start];
        for (
          let step: number | undefined = node;
          step !== undefined && step !== start;
          step = previous.get(step)
        ) {
          cycle.splice(1, 0, step);
        }
        return [...cycle, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

export const checkEndlessLoops: Check = ({ assistant, dialogIndexById }) => {
  const transitions = assistant.dialogs.map((dialog, index) =>
    transitionsWithoutWaiting(dialog, childPointer("", "dialogs", index)).flatMap((transition) => {
      const target = dialogIndexById.get(transition.toDialogId);
      return target === undefined ? [] : [{ target, pointer: transition.pointer }];
    }),
  );
  const edges = transitions.map((list) => list.map((transition) => transition.target));
  const problems: Problem[] = [];
  for (const group of stronglyConnectedGroups(assistant.dialogs.length, edges)) {
    const start = group[0] as number;
    if (group.length === 1 && !(edges[start] ?? []).includes(start)) continue;
    const cycle = cycleThrough(start, new Set(group), edges);
    const firstStep = transitions[start]?.find((transition) => transition.target === cycle[1]);
    const names = cycle.map((index) => quoted(assistant.dialogs[index]?.name ?? ""));
    const others = group.length > cycle.length - 1 ? ` (${group.length} dialogs take part in this loop)` : "";
    const loop =
      cycle.length === 2
        ? `Dialog ${names[0]} redirects to itself`
        : `These dialogs redirect to one another (${names.join(" → ")})${others}`;
    problems.push(
      errorAt(
        firstStep?.pointer ?? childPointer("", "dialogs", start),
        "endless_loop",
        `${loop} without ever waiting for the customer, so the conversation would loop forever. Add a question or another interaction that waits for a reply, or end the loop with a transfer.`,
      ),
    );
  }
  return problems;
};
