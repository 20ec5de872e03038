import { z } from "zod";

export const openAIBaseUrl = "https://api.openai.com/v1";

/** The longest `timeoutMs` allowed: a server's job queue waits this long for an answer and no longer. */
export const maximumTimeoutMs = 600_000;

/**
 * Where and how to reach the language model. "openai" is OpenAI's own API;
 * "openai-compatible" is anything that speaks its chat-completions protocol
 * (Azure OpenAI, Ollama, vLLM, LiteLLM, OpenRouter...) at `baseUrl`.
 */
export const languageModelConfigSchema = z
  .object({
    kind: z.enum(["openai", "openai-compatible"]),
    /** The API base, up to and including the version ("http://localhost:11434/v1"). */
    baseUrl: z.url({ protocol: /^https?$/u }).optional(),
    model: z.string().trim().min(1),
    apiKey: z.string().min(1).optional(),
    /** Left unset, the model's default is used: some models accept no other value. */
    temperature: z.number().min(0).max(2).optional(),
    /** Left unset, the model's default limit applies. */
    maxOutputTokens: z.number().int().positive().optional(),
    /** The longest a whole answer may take, retries included (default 30 s). */
    timeoutMs: z.number().int().positive().max(maximumTimeoutMs).optional(),
    /** Retries after a rate limit, an overload or a server error (default 1). */
    maxRetries: z.number().int().min(0).max(5).optional(),
  })
  .refine((config) => config.kind === "openai" || config.baseUrl !== undefined, {
    message: "An OpenAI-compatible endpoint needs a baseUrl",
    path: ["baseUrl"],
  });

export type LanguageModelConfig = z.infer<typeof languageModelConfigSchema>;

export const defaultTimeoutMs = 30_000;
export const defaultMaxRetries = 1;

/** Parses settings, with an error that names the wrong fields and never repeats their values (the key). */
export function parseLanguageModelConfig(value: unknown): LanguageModelConfig {
  const result = languageModelConfigSchema.safeParse(value);
  if (!result.success) {
    throw new Error(`Invalid language model settings:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}
