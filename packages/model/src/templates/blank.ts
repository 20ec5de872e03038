import type { AssistantTemplate } from "./assistant-template.ts";
import { defaultDialogs } from "./default-assistant.ts";
import { defaultAssistantMessages } from "./default-assistant-messages.ts";

/** The blank template is a new assistant as the console creates it, in the chosen language. */
export const blankTemplate: AssistantTemplate = {
  name: "blank",
  defaultType: "lite",
  names: (language) => defaultAssistantMessages[language],
  dialogs: ({ channel, type, language }) => defaultDialogs(channel, type, language),
};
