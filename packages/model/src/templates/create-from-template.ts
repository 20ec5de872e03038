import type { Assistant } from "../assistant.ts";
import type { AssistantType, Channel } from "../channels.ts";
import {
  type AssistantTemplate,
  type AssistantTemplateName,
  assistantTemplateNames,
} from "./assistant-template.ts";
import { blankTemplate } from "./blank.ts";
import { assembleAssistant } from "./default-assistant.ts";
import type { TemplateLanguage } from "./languages.ts";
import { defaultKnowledgeBaseId, respondWithAiTemplate } from "./respond-with-ai.ts";
import {
  requireAvailability,
  resolveChannel,
  resolveLanguage,
  resolveType,
  TemplateOptionError,
} from "./template-options.ts";
import { tutorialTemplate } from "./tutorial.ts";

export interface TemplateOptions {
  /** Default `chat`. */
  channel?: Channel;
  /** Default `lite` (`premium` for respond-with-ai); voice is always `lite`; `pro` cannot be created. */
  type?: AssistantType;
  /** The language of every message. Default `en`. */
  language?: TemplateLanguage;
  id?: string;
  publicId?: string;
  /** The knowledge base respond-with-ai searches. Default `default`. */
  knowledgeBaseId?: string;
  /** Replace the template's names (written in the template language by default). */
  internalName?: string;
  description?: string;
  publicName?: string;
}

const templates: Record<AssistantTemplateName, AssistantTemplate> = {
  blank: blankTemplate,
  tutorial: tutorialTemplate,
  "respond-with-ai": respondWithAiTemplate,
};

export function isAssistantTemplateName(value: string): value is AssistantTemplateName {
  return (assistantTemplateNames as readonly string[]).includes(value);
}

/**
 * Builds an assistant from a template. Pure: the same template and options
 * always give the same assistant. Throws a TemplateOptionError naming the
 * option when the template cannot be built as asked.
 */
export function createAssistantFromTemplate(
  template: AssistantTemplateName,
  options: TemplateOptions = {},
): Assistant {
  if (!isAssistantTemplateName(template)) {
    throw new TemplateOptionError(
      "template",
      `unknown template "${template}"; expected one of: ${assistantTemplateNames.map((name) => `"${name}"`).join(", ")}`,
    );
  }
  const definition = templates[template];
  const channel = resolveChannel(options.channel);
  const type = resolveType(options.type, channel, definition.defaultType);
  const language = resolveLanguage(options.language);
  if (definition.availability) requireAvailability(template, channel, type, definition.availability);

  const knowledgeBaseId = options.knowledgeBaseId ?? defaultKnowledgeBaseId;
  if (knowledgeBaseId.length < 1 || knowledgeBaseId.length > 128) {
    throw new TemplateOptionError("knowledgeBaseId", "knowledgeBaseId must be 1 to 128 characters");
  }

  const names = definition.names(language);
  return assembleAssistant(
    {
      id: options.id,
      publicId: options.publicId,
      internalName: options.internalName ?? names.internalName,
      description: options.description ?? names.description,
      publicName: options.publicName ?? names.publicName,
      channel,
      type,
      language,
      abandon: true,
    },
    definition.dialogs({ channel, type, language, knowledgeBaseId }),
    definition.intents ?? [],
  );
}
