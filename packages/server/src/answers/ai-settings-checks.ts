import { languageModelConfigSchema, openAIBaseUrl } from "@parley/knowledge";
import { type core, z } from "zod";
import type { AiProviderKind } from "../database/schema/index.ts";
import { ApiError, type ProblemDetail } from "../http/errors.ts";
import type { AiSettingsInput } from "./ai-settings-schemas.ts";

/** The key as stored, with the origin it was given for. */
export interface StoredKey {
  apiKey: string | null;
  apiKeyOrigin: string | null;
}

/** What a PUT stores once its problems are none. */
export interface AiSettingsValues extends StoredKey {
  provider: AiProviderKind;
  baseUrl: string | null;
  model: string | null;
  temperature: number | null;
  maxOutputTokens: number | null;
  timeoutMs: number | null;
  defaultProfileId: string | null;
}

/**
 * The rules of each field, the knowledge package's own: the answerer parses its settings with the
 * same schema, so settings that pass here never fail there.
 */
const fieldRules = z.object(languageModelConfigSchema.shape).omit({ kind: true, maxRetries: true }).partial();

/** Where requests for these settings go: the scheme, host and port of the API base. */
export function endpointOrigin(provider: AiProviderKind, baseUrl: string | null): string | null {
  const address = baseUrl ?? (provider === "openai" ? openAIBaseUrl : null);
  if (address === null) return null;
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
}

function problem(path: string, code: string, message: string, limit?: number): ProblemDetail {
  return { in: "body", path, code, message, ...(limit === undefined ? {} : { limit }) };
}

/** A problem for a Zod issue, in words that never repeat the value (it may be the key). */
function problemOf(issue: core.$ZodIssue): ProblemDetail {
  const path = issue.path.map((segment) => `/${String(segment)}`).join("");
  switch (issue.code) {
    case "invalid_format":
      return problem(
        path,
        "invalid_url",
        issue.format === "url" ? "must be an absolute http or https URL" : "is not valid",
      );
    case "too_big":
      return problem(
        path,
        "too_big",
        issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`,
        Number(issue.maximum),
      );
    case "too_small":
      if (issue.origin === "string") return problem(path, "required", "must not be empty", 1);
      return problem(
        path,
        "too_small",
        issue.inclusive ? `must be at least ${issue.minimum}` : `must be more than ${issue.minimum}`,
        Number(issue.minimum),
      );
    case "invalid_type":
      return issue.expected === "int"
        ? problem(path, "not_an_integer", "must be a whole number")
        : problem(path, "invalid_type", `must be a ${issue.expected}`);
    default:
      return problem(path, issue.code, issue.message);
  }
}

function withoutNulls<Value extends Record<string, unknown>>(value: Value) {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== null && field !== undefined),
  );
}

/** The key the settings will have: the one sent, none, or the one stored. */
function keyAfter(input: AiSettingsInput, origin: string | null, stored: StoredKey | null): StoredKey {
  if (input.apiKey === null) return { apiKey: null, apiKeyOrigin: null };
  if (typeof input.apiKey === "string") return { apiKey: input.apiKey.trim(), apiKeyOrigin: origin };
  // Only the key's two fields: the stored row has the old settings too.
  return { apiKey: stored?.apiKey ?? null, apiKeyOrigin: stored?.apiKeyOrigin ?? null };
}

function keyProblems(input: AiSettingsInput, key: StoredKey, origin: string | null): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (typeof input.apiKey === "string" && /\s/u.test(key.apiKey ?? "")) {
    problems.push(problem("/apiKey", "invalid_key", "must not contain spaces or line breaks"));
  }
  const languageModel = input.provider !== "extractive";
  // Otherwise whoever may change the settings could send the stored key to a server of their own.
  if (languageModel && input.apiKey === undefined && key.apiKey !== null && key.apiKeyOrigin !== origin) {
    problems.push(
      problem(
        "/apiKey",
        "endpoint_changed",
        `the stored key was given for ${key.apiKeyOrigin ?? "no endpoint"} and is only sent there; send it again for ${origin ?? "the new endpoint"}, or null for none`,
      ),
    );
  } else if (input.provider === "openai" && !key.apiKey) {
    problems.push(problem("/apiKey", "required", "is required for the openai provider"));
  }
  return problems;
}

/**
 * Everything wrong with settings that their schema cannot tell, all at once, and the values to
 * store when nothing is: a language model needs a model, an OpenAI-compatible one a base URL, and
 * each field the range the knowledge package allows.
 */
export function checkAiSettings(
  input: AiSettingsInput,
  stored: StoredKey | null,
): { problems: ProblemDetail[]; values: AiSettingsValues } {
  const problems: ProblemDetail[] = [];
  const languageModel = input.provider !== "extractive";
  const candidate = withoutNulls({
    baseUrl: input.baseUrl === "" ? null : input.baseUrl,
    model: input.model,
    temperature: input.temperature,
    maxOutputTokens: input.maxOutputTokens,
    timeoutMs: input.timeoutMs,
    ...(typeof input.apiKey === "string" ? { apiKey: input.apiKey.trim() } : {}),
  });
  if (languageModel && candidate.model === undefined) {
    problems.push(problem("/model", "required", `is required for the ${input.provider} provider`));
  }
  if (input.provider === "openai-compatible" && candidate.baseUrl === undefined) {
    problems.push(
      problem(
        "/baseUrl",
        "required",
        "is required for an OpenAI-compatible endpoint: its API base, such as http://localhost:11434/v1",
      ),
    );
  }
  const parsed = fieldRules.safeParse(candidate);
  if (!parsed.success) problems.push(...parsed.error.issues.map(problemOf));
  const fields = parsed.success ? parsed.data : {};
  if (fields.baseUrl !== undefined) {
    const url = new URL(fields.baseUrl);
    if (url.username !== "" || url.password !== "") {
      problems.push(
        problem(
          "/baseUrl",
          "credentials_in_url",
          "must not contain a user name or password: send the key as apiKey",
        ),
      );
    }
  }
  const baseUrl = fields.baseUrl ?? null;
  const origin = endpointOrigin(input.provider, baseUrl);
  const key = keyAfter(input, origin, stored);
  problems.push(...keyProblems(input, key, origin));
  const values: AiSettingsValues = {
    provider: input.provider,
    baseUrl,
    model: fields.model ?? null,
    temperature: fields.temperature ?? null,
    maxOutputTokens: fields.maxOutputTokens ?? null,
    timeoutMs: fields.timeoutMs ?? null,
    defaultProfileId: input.defaultProfileId ?? null,
    ...key,
  };
  if (problems.length === 0 && languageModel) {
    // The whole config once more, so a rule the knowledge package adds later is not missed here.
    const whole = languageModelConfigSchema.safeParse(languageModelConfigOf(values));
    if (!whole.success) problems.push(...whole.error.issues.map(problemOf));
  }
  return { problems: uniqueByPath(problems), values };
}

/** The knowledge package's config for stored settings of a language model. */
export function languageModelConfigOf(values: Omit<AiSettingsValues, "defaultProfileId" | "apiKeyOrigin">) {
  return {
    kind: values.provider === "openai" ? ("openai" as const) : ("openai-compatible" as const),
    ...(values.baseUrl === null ? {} : { baseUrl: values.baseUrl }),
    model: values.model ?? "",
    ...(values.apiKey === null ? {} : { apiKey: values.apiKey }),
    ...(values.temperature === null ? {} : { temperature: values.temperature }),
    ...(values.maxOutputTokens === null ? {} : { maxOutputTokens: values.maxOutputTokens }),
    ...(values.timeoutMs === null ? {} : { timeoutMs: values.timeoutMs }),
  };
}

/** One problem per field: the first found says the most (a missing model, not an empty one). */
function uniqueByPath(problems: ProblemDetail[]): ProblemDetail[] {
  const seen = new Set<string>();
  return problems.filter((each) => {
    if (seen.has(each.path)) return false;
    seen.add(each.path);
    return true;
  });
}

export function invalidAiSettings(problems: ProblemDetail[]): ApiError {
  return new ApiError(
    422,
    "invalid_ai_settings",
    `The AI settings cannot be saved: ${problems.length} problem(s).`,
    { problems },
  );
}
