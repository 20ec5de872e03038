import { completeAssistantDialogName, welcomeDialogName } from "../dialog.ts";
import { dialogReachesEnd } from "./branch-paths.ts";
import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { quoted } from "./labels.ts";
import { errorAt, type Problem, warningAt } from "./problem.ts";

/** Conversations start in the first dialog, which the editor always shows as Welcome (spec 05). */
export const checkWelcomeDialog: Check = ({ assistant }) => {
  const first = assistant.dialogs[0];
  if (first === undefined || first.name === welcomeDialogName) return [];
  const elsewhere = assistant.dialogs.findIndex((dialog) => dialog.name === welcomeDialogName);
  const hint =
    elsewhere === -1
      ? `rename it or add a ${quoted(welcomeDialogName)} dialog at the top`
      : `the ${quoted(welcomeDialogName)} dialog is number ${elsewhere + 1}; move it to the top`;
  return [
    errorAt(
      "/dialogs/0/name",
      "missing_welcome_dialog",
      `The first dialog must be the ${quoted(welcomeDialogName)} dialog, where conversations start, but it is named ${quoted(first.name)}; ${hint}.`,
    ),
  ];
};

export const checkCompleteAssistantDialog: Check = ({ assistant }) => {
  if (assistant.dialogs.some((dialog) => dialog.name === completeAssistantDialogName)) return [];
  return [
    warningAt(
      "/dialogs",
      "missing_complete_assistant_dialog",
      `There is no ${quoted(completeAssistantDialogName)} dialog; every new assistant has one to close conversations the assistant has finished.`,
    ),
  ];
};

/** The red anchor of the editor: a dialog that can run to its end and has nowhere to go. */
export const checkUnlinkedDialogs: Check = ({ assistant }) => {
  const problems: Problem[] = [];
  assistant.dialogs.forEach((dialog, index) => {
    if (dialog.end !== null || !dialogReachesEnd(dialog)) return;
    problems.push(
      errorAt(
        childPointer("", "dialogs", index),
        "unlinked_dialog",
        `Dialog ${quoted(dialog.name)} has no end interaction, so it leads nowhere; add one (for example a redirect or a transfer to an agent).`,
      ),
    );
  });
  return problems;
};

export const checkDuplicateDialogIds: Check = ({ assistant, dialogIndexById }) => {
  const problems: Problem[] = [];
  assistant.dialogs.forEach((dialog, index) => {
    const first = dialogIndexById.get(dialog.id);
    if (first === undefined || first === index) return;
    const firstName = assistant.dialogs[first]?.name ?? "";
    problems.push(
      errorAt(
        childPointer("", "dialogs", index, "id"),
        "duplicate_dialog_id",
        `Dialog id ${quoted(dialog.id)} is already used by dialog ${quoted(firstName)}; every dialog needs its own id.`,
      ),
    );
  });
  return problems;
};
