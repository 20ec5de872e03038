/**
 * The assistant the chat benchmark talks to: the demo's tutorial (welcome, a text
 * question for the name, buttons for the team), except that the team question leads
 * back to the name question instead of transferring. A conversation can then go on
 * for as long as the benchmark lasts, alternating a text turn and a button turn, with
 * the template's volume control untouched: every turn cancels and schedules the
 * reminder and abandon timers, as a published tutorial does.
 */
import {
  type Assistant,
  completeAssistantDialogId,
  createAssistantFromTemplate,
  hasErrors,
  validateAssistant,
  welcomeDialogId,
} from "@parley/model";
import { newAssistantIdentity } from "../../packages/server/src/assistants/identity.ts";
import { insertAssistant, setLiveVersion } from "../../packages/server/src/assistants/store.ts";
import { insertNextVersion } from "../../packages/server/src/assistants/versions.ts";
import type { Database } from "../../packages/server/src/database/connection.ts";
import { setDefaultAssistant } from "../../packages/server/src/rules/default-assistants.ts";

function redirectTarget(definition: Assistant, dialogId: string): string {
  const end = definition.dialogs.find((dialog) => dialog.id === dialogId)?.end;
  if (end?.kind !== "redirect")
    throw new Error(`the tutorial's ${dialogId} dialog no longer ends in a redirect`);
  return end.dialogId;
}

export function loopingTutorial(): Assistant {
  const definition = createAssistantFromTemplate("tutorial", {
    ...newAssistantIdentity(),
    channel: "chat",
    type: "lite",
    internalName: "Benchmark loop",
    publicName: "Demo Store Bot",
  });
  const askName = redirectTarget(definition, welcomeDialogId);
  const askTeam = redirectTarget(definition, askName);
  const teamDialog = definition.dialogs.find((dialog) => dialog.id === askTeam);
  if (teamDialog?.end?.kind !== "redirect" || teamDialog.end.dialogId !== completeAssistantDialogId) {
    throw new Error("the tutorial's team question no longer leads to Complete Assistant");
  }
  teamDialog.end = { ...teamDialog.end, dialogId: askName };
  const { problems } = validateAssistant(definition);
  if (hasErrors(problems))
    throw new Error(`the benchmark assistant does not validate: ${JSON.stringify(problems)}`);
  return definition;
}

/** Publishes the looping assistant, as publishing would leave it, and makes it the brand's web chat default. */
export async function publishBenchmarkAssistant(
  database: Database,
  organizationId: string,
  brandId: string,
): Promise<void> {
  const definition = loopingTutorial();
  await database.transaction(async (transaction) => {
    const row = await insertAssistant(transaction, organizationId, definition);
    const version = await insertNextVersion(transaction, row, definition, null);
    await setLiveVersion(transaction, row, version.version);
    await setDefaultAssistant(transaction, organizationId, brandId, "chat", row.id);
  });
}
