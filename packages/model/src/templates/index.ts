export {
  type AssistantTemplateName,
  assistantTemplateNames,
} from "./assistant-template.ts";
export {
  createAssistantFromTemplate,
  isAssistantTemplateName,
  type TemplateOptions,
} from "./create-from-template.ts";
export {
  completeAssistantDialogId,
  createDefaultAssistant,
  type DefaultAssistantOptions,
  defaultAssistantId,
  defaultPublicAssistantId,
  welcomeDialogId,
} from "./default-assistant.ts";
export { isTemplateLanguage, type TemplateLanguage, templateLanguages } from "./languages.ts";
export { defaultKnowledgeBaseId } from "./respond-with-ai.ts";
export { TemplateOptionError } from "./template-options.ts";
