import { type Assistant, currentSchemaVersion, type IntentMapping } from "../assistant.ts";
import type { AssistantType, Channel } from "../channels.ts";
import { completeAssistantDialogName, type Dialog, welcomeDialogName } from "../dialog.ts";
import { dialog, redirect, say, transfer } from "./build.ts";
import { defaultAssistantMessages } from "./default-assistant-messages.ts";
import type { TemplateLanguage } from "./languages.ts";
import { parseTemplateResult, resolveChannel, resolveLanguage, resolveType } from "./template-options.ts";
import { volumeControlFor } from "./volume-control.ts";

/** Ids of the two dialogs every assistant starts with (spec 05). */
export const welcomeDialogId = "welcome";
export const completeAssistantDialogId = "complete-assistant";

/** Ids used when the caller gives none, so the same options always build the same assistant. */
export const defaultAssistantId = "assistant";
export const defaultPublicAssistantId = "assistant-public";

export interface DefaultAssistantOptions {
  id?: string;
  publicId?: string;
  internalName: string;
  description?: string;
  publicName?: string;
  channel: Channel;
  type: AssistantType;
  language?: TemplateLanguage;
}

/** What every assistant needs besides its dialogs. */
export interface AssistantFrame {
  id?: string | undefined;
  publicId?: string | undefined;
  internalName: string;
  description: string;
  publicName: string;
  channel: Channel;
  type: AssistantType;
  language: TemplateLanguage;
  /** Templates turn the abandoned-conversation setting on; a plain new assistant keeps the spec's default (off). */
  abandon: boolean;
}

export function assembleAssistant(
  frame: AssistantFrame,
  dialogs: Dialog[],
  intents: IntentMapping[] = [],
): Assistant {
  return parseTemplateResult({
    schemaVersion: currentSchemaVersion,
    id: frame.id ?? defaultAssistantId,
    publicId: frame.publicId ?? defaultPublicAssistantId,
    internalName: frame.internalName,
    description: frame.description,
    publicName: frame.publicName,
    channel: frame.channel,
    type: frame.type,
    defaultLanguage: frame.language,
    dialogs,
    intents,
    settings: {
      volumeControl: volumeControlFor(frame.channel, frame.type, frame.language, { abandon: frame.abandon }),
      behaviour: { noIntentMatch: { action: "continue" } },
    },
  });
}

/**
 * The dialogs of a new assistant (spec 11, 19): Welcome greets, discloses that
 * it is a bot and redirects to Complete Assistant, which transfers to an agent.
 */
export function defaultDialogs(channel: Channel, type: AssistantType, language: TemplateLanguage): Dialog[] {
  const text = defaultAssistantMessages[language];
  const voice = channel === "voice";
  return [
    dialog(
      welcomeDialogId,
      welcomeDialogName,
      [say(channel, type, "welcome-message", voice ? text.voiceWelcome : text.welcome)],
      redirect("welcome-redirect", completeAssistantDialogId),
    ),
    dialog(
      completeAssistantDialogId,
      completeAssistantDialogName,
      [],
      transfer("complete-assistant-transfer", { message: voice ? text.voiceHandover : text.handover }),
    ),
  ];
}

/** What a new assistant looks like before anyone edits it. */
export function createDefaultAssistant(options: DefaultAssistantOptions): Assistant {
  const channel = resolveChannel(options.channel);
  const type = resolveType(options.type, channel, "lite");
  const language = resolveLanguage(options.language);
  return assembleAssistant(
    {
      id: options.id,
      publicId: options.publicId,
      internalName: options.internalName,
      description: options.description ?? "",
      publicName: options.publicName ?? "",
      channel,
      type,
      language,
      abandon: false,
    },
    defaultDialogs(channel, type, language),
  );
}
