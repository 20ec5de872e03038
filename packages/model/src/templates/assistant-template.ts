import type { IntentMapping } from "../assistant.ts";
import type { Availability } from "../capabilities.ts";
import type { AssistantType, Channel } from "../channels.ts";
import type { Dialog } from "../dialog.ts";
import type { TemplateLanguage } from "./languages.ts";

export const assistantTemplateNames = ["blank", "tutorial", "respond-with-ai"] as const;
export type AssistantTemplateName = (typeof assistantTemplateNames)[number];

/** What a template's dialogs depend on, resolved and checked before the template runs. */
export interface TemplateContext {
  channel: Channel;
  type: AssistantType;
  language: TemplateLanguage;
  knowledgeBaseId: string;
}

export interface AssistantTemplate {
  name: AssistantTemplateName;
  /** The type when none is requested (voice is always Lite). */
  defaultType: AssistantType;
  /** Channels and types the template is offered for; absent means every one a new assistant can have. */
  availability?: Availability;
  names(language: TemplateLanguage): { internalName: string; description: string; publicName: string };
  dialogs(context: TemplateContext): Dialog[];
  /** Intent-to-dialog mappings (Premium only); none when absent. */
  intents?: IntentMapping[];
}
