import { APICallError, RetryError } from "ai";

export type LanguageModelFailure = "http" | "timeout" | "cancelled" | "malformed" | "empty" | "network";

/**
 * Why a language model could not answer. The server turns it into a
 * hand-over to an agent and logs the message, so the message says what
 * went wrong and where, and never carries the API key (OpenAI repeats part
 * of a wrong key in its 401 message) or the prompt.
 */
export class LanguageModelAnswerError extends Error {
  override readonly name = "LanguageModelAnswerError";
  readonly failure: LanguageModelFailure;
  /** The HTTP status, when the endpoint answered with an error. */
  readonly status: number | undefined;

  constructor(failure: LanguageModelFailure, message: string, status?: number) {
    super(message);
    this.failure = failure;
    this.status = status;
  }
}

export interface FailureContext {
  /** Where the request went; only its host is named. */
  baseUrl: string;
  apiKey: string | undefined;
  timeoutMs: number;
  /** The caller's signal: when it fired, the failure is a cancellation, not a timeout. */
  signal: AbortSignal | undefined;
}

/** Turns whatever the AI SDK threw or streamed into a LanguageModelAnswerError with a safe message. */
export function describeFailure(error: unknown, context: FailureContext): LanguageModelAnswerError {
  if (error instanceof LanguageModelAnswerError) return error;
  // After its retries the AI SDK wraps the last failure; that one says what went wrong (HTTP 500, say).
  if (RetryError.isInstance(error) && error.lastError !== undefined)
    return describeFailure(error.lastError, context);
  const endpoint = `the language model endpoint at ${hostOf(context.baseUrl)}`;
  if (context.signal?.aborted) return new LanguageModelAnswerError("cancelled", "The answer was cancelled.");
  if (isTimeout(error)) {
    return new LanguageModelAnswerError(
      "timeout",
      `${capitalize(endpoint)} did not answer within ${context.timeoutMs} ms.`,
    );
  }
  if (APICallError.isInstance(error)) {
    const detail = redactSecrets(error.message, context.apiKey);
    if (error.statusCode === undefined) {
      return new LanguageModelAnswerError("network", `Could not reach ${endpoint}: ${detail}`);
    }
    if (error.statusCode >= 200 && error.statusCode < 300) {
      return new LanguageModelAnswerError(
        "malformed",
        `${capitalize(endpoint)} sent a response that is not valid: ${detail}`,
      );
    }
    const hint =
      error.statusCode === 401 || error.statusCode === 403 ? " Check the API key in the AI settings." : "";
    return new LanguageModelAnswerError(
      "http",
      `${capitalize(endpoint)} answered HTTP ${error.statusCode}: ${detail}${hint}`,
      error.statusCode,
    );
  }
  const name = error instanceof Error ? error.name : "";
  if (/JSONParse|TypeValidation|InvalidResponseData|EmptyResponseBody/u.test(name)) {
    return new LanguageModelAnswerError("malformed", `${capitalize(endpoint)} sent a malformed response.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LanguageModelAnswerError(
    "network",
    `The request to ${endpoint} failed: ${redactSecrets(message, context.apiKey)}`,
  );
}

/** Whether an error is a timeout; a stream that ends with an "abort" part gives its reason as text. */
export function isTimeout(error: unknown): boolean {
  if (error instanceof Error || (typeof DOMException !== "undefined" && error instanceof DOMException)) {
    return (error as Error).name === "TimeoutError";
  }
  return typeof error === "string" && error.startsWith("TimeoutError");
}

/**
 * Removes anything that may be a credential: the key itself, an echo of
 * it with stars in the middle ("sk-proj-****abcd"), a bearer token, and
 * key-shaped words. Long messages are cut: an HTML error page says nothing
 * a log needs.
 */
export function redactSecrets(text: string, apiKey: string | undefined): string {
  let redacted = text;
  if (apiKey && apiKey.length >= 4) redacted = redacted.split(apiKey).join("[redacted]");
  redacted = redacted
    .replace(/\bBearer\s+\S+/giu, "Bearer [redacted]")
    .replace(/\b(?:sk|pk|rk|key|api[-_]?key)[-_][\w*-]{4,}/giu, "[redacted]")
    .replace(/[\w-]*\*{3,}[\w*-]*/gu, "[redacted]")
    .replace(/\s+/gu, " ")
    .trim();
  return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return "the configured address";
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
