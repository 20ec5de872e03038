export { answerMessageLanguages, leadInMessage, refusalMessage } from "./answer-messages.ts";
export {
  createExtractiveAnswerer,
  type ExtractiveAnswererOptions,
  extractiveProviderName,
} from "./extractive-answerer.ts";
export { readsAsInstructionsToAnAi } from "./instruction-like-text.ts";
export { createLanguageModelAnswerer, type LanguageModelAnswererOptions } from "./language-model-answerer.ts";
export {
  type LanguageModelConfig,
  languageModelConfigSchema,
  maximumTimeoutMs,
  openAIBaseUrl,
  parseLanguageModelConfig,
} from "./language-model-config.ts";
export { LanguageModelAnswerError, type LanguageModelFailure } from "./language-model-error.ts";
export type { SelectionLimits } from "./sentence-selection.ts";
