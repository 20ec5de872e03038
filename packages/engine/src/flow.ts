import type { EndInteraction, Interaction } from "@parley/model";
import { interactionModule } from "./interactions/index.ts";
import type { Outcome } from "./outcome.ts";
import type { Turn } from "./turn-context.ts";
import { armCustomerTimers, disarmCustomerTimers } from "./volume-control.ts";

/**
 * Steps one turn may take before the engine decides the flow loops without
 * waiting for the customer. Validation refuses such loops; this guards
 * definitions that were never validated.
 */
const maxStepsPerTurn = 1000;

/** Follows outcomes until the assistant waits for something or finishes. */
export function runFlow(turn: Turn, first: Outcome): void {
  let outcome = first;
  for (let steps = 0; ; steps += 1) {
    if (steps > maxStepsPerTurn) throw new Error("the assistant looped without waiting for the customer");
    switch (outcome.type) {
      case "ignore":
        return;
      case "wait":
        turn.state.waiting = outcome.waiting;
        armCustomerTimers(turn);
        return;
      case "finish":
        turn.state.waiting = null;
        turn.state.frames = [];
        disarmCustomerTimers(turn);
        return;
      case "redirect": {
        if (!turn.index.dialogs.has(outcome.dialogId)) {
          throw new Error(`redirect to a dialog that does not exist: ${outcome.dialogId}`);
        }
        turn.state.dialogId = outcome.dialogId;
        turn.state.frames = [[outcome.dialogId, 0]];
        outcome = enterCurrent(turn);
        break;
      }
      case "enter":
        turn.state.frames.push([outcome.listKey, 0]);
        outcome = enterCurrent(turn);
        break;
      case "next": {
        const top = turn.state.frames.at(-1);
        if (!top) throw new Error("the conversation has no position to continue from");
        top[1] += 1;
        outcome = enterCurrent(turn);
        break;
      }
    }
  }
}

/** Enters the interaction at the cursor, unwinding finished nested paths and reaching the dialog's end. */
function enterCurrent(turn: Turn): Outcome {
  turn.state.waiting = null;
  for (;;) {
    const top = turn.state.frames.at(-1);
    if (!top) throw new Error("the conversation has no position to continue from");
    const list = turn.index.lists.get(top[0]);
    if (!list) throw new Error(`unknown position ${top[0]}`);
    const interaction = list.interactions[top[1]];
    if (interaction) return enter(turn, interaction);
    if (list.nested) {
      turn.state.frames.pop();
      if (list.redirectTo) return { type: "redirect", dialogId: list.redirectTo };
      const parent = turn.state.frames.at(-1);
      if (!parent) throw new Error(`nested path ${list.key} has no parent`);
      parent[1] += 1;
      continue;
    }
    if (top[1] > list.interactions.length)
      throw new Error(`dialog ${list.dialogId} has nothing after its end`);
    const dialog = turn.index.dialogs.get(list.dialogId);
    if (!dialog?.end) throw new Error(`dialog ${list.dialogId} has no end interaction (unlinked)`);
    return enter(turn, dialog.end);
  }
}

function enter(turn: Turn, interaction: Interaction | EndInteraction): Outcome {
  return interactionModule(interaction.kind).enter(turn, interaction as never);
}
