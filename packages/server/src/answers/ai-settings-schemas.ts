import { z } from "zod";

export const aiProviderKinds = ["extractive", "openai", "openai-compatible"] as const;

/**
 * Bounds on the request body only. The rules of a language model's settings (a URL, a model, the
 * ranges of temperature, tokens and timeout) are those of @parley/knowledge's
 * languageModelConfigSchema, checked after parsing and answered 422 naming the field and the limit;
 * see ai-settings-checks.ts.
 */
export const aiSettingsBodyLimits = { baseUrlLength: 2000, modelLength: 200, apiKeyLength: 1000 } as const;

export const AiProvider = z.enum(aiProviderKinds).meta({
  id: "AiProvider",
  description:
    "extractive: answers quote the articles' own sentences, offline, with no model (the default). openai: OpenAI's API. openai-compatible: any endpoint that speaks OpenAI's chat-completions protocol at `baseUrl` (Azure OpenAI, Ollama, vLLM, LiteLLM, OpenRouter…).",
});

export const AiSettingsInput = z
  .strictObject({
    provider: AiProvider,
    baseUrl: z.string().trim().max(aiSettingsBodyLimits.baseUrlLength).nullable().optional().meta({
      description:
        "The API base, up to and including the version (`http://localhost:11434/v1`): an absolute http or https URL without a user name or password. Required for openai-compatible; for openai, https://api.openai.com/v1 when left out.",
    }),
    model: z
      .string()
      .max(aiSettingsBodyLimits.modelLength)
      .nullable()
      .optional()
      .meta({ description: "The model id (`gpt-4.1-mini`). Required for openai and openai-compatible." }),
    apiKey: z.string().max(aiSettingsBodyLimits.apiKeyLength).nullable().optional().meta({
      description:
        "Write-only: never returned, and stored encrypted (422 no_secret_key on a server without PARLEY_SECRET_KEY). Left out, the stored key is kept, as long as the endpoint's origin stays the one it was given for; null removes it. Required for openai.",
    }),
    temperature: z
      .number()
      .nullable()
      .optional()
      .meta({ description: "0 to 2; left out, the model's default (some models accept no other)." }),
    maxOutputTokens: z
      .number()
      .nullable()
      .optional()
      .meta({ description: "A whole number above 0; left out, the model's own limit." }),
    timeoutMs: z.number().nullable().optional().meta({
      description: "The longest a whole answer may take, retries included: 1 to 600000; 30000 when left out.",
    }),
    defaultProfileId: z.uuid().nullable().optional().meta({
      description:
        "The AI profile of AI responses whose interaction and assistant name none; left out or null, none.",
    }),
  })
  .meta({ id: "AiSettingsRequest" });
export type AiSettingsInput = z.infer<typeof AiSettingsInput>;

export const AiSettings = z
  .object({
    provider: AiProvider,
    baseUrl: z.string().nullable(),
    model: z.string().nullable(),
    temperature: z.number().nullable(),
    maxOutputTokens: z.number().int().nullable(),
    timeoutMs: z.number().int().nullable(),
    apiKeySet: z.boolean(),
    apiKeyLast4: z.string().nullable().meta({
      description:
        "The key's last 4 characters, to tell which key is stored; null without a key, or for a key under 12 characters.",
    }),
    defaultProfileId: z.string().nullable(),
    /** Null while the organization has never saved its settings. */
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "AiSettings" });
export type AiSettings = z.infer<typeof AiSettings>;
