import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { quoted } from "./labels.ts";
import { warningAt } from "./problem.ts";

/**
 * Dialogs a conversation can reach from where conversations start: the first
 * dialog, intent targets and the "no intent matched" target. Rules can start
 * any dialog (spec 06), so an unreachable dialog is only a warning.
 */
export const checkUnreachableDialogs: Check = ({ assistant, references, dialogIndexById }) => {
  const leadsTo = new Map<number, number[]>();
  const starts = [0];
  for (const reference of references) {
    const target = dialogIndexById.get(reference.dialogId);
    if (target === undefined) continue;
    if (reference.fromDialogIndex === null) {
      starts.push(target);
    } else {
      const targets = leadsTo.get(reference.fromDialogIndex) ?? [];
      targets.push(target);
      leadsTo.set(reference.fromDialogIndex, targets);
    }
  }
  const reached = new Set<number>();
  const pending = [...starts];
  while (pending.length > 0) {
    const index = pending.pop() as number;
    if (reached.has(index)) continue;
    reached.add(index);
    pending.push(...(leadsTo.get(index) ?? []));
  }
  return assistant.dialogs.flatMap((dialog, index) =>
    reached.has(index)
      ? []
      : [
          warningAt(
            childPointer("", "dialogs", index),
            "unreachable_dialog",
            `Dialog ${quoted(dialog.name)} cannot be reached: no reachable dialog redirects to it and no intent leads to it. Only a rule could start it.`,
          ),
        ],
  );
};
