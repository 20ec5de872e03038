/**
 * Chat-completions responses laid out field for field as OpenAI's API
 * returns them, following responses recorded from gpt-4.1-nano in 2026
 * (the AI SDK keeps such recordings in packages/openai/src/chat/__fixtures__),
 * with our own text and identifiers in them. Tests that fake the API use
 * these so that a client which needs a field the real API sends, or trips
 * over one it adds ("obfuscation", "service_tier"), fails here first.
 */

export const recordedModel = "gpt-4.1-nano-2025-04-14";
const recordedId = "chatcmpl-Pq7Rk2LmX9vTz4NwB8sYc1HdJ6fGe";
const recordedCreated = 1770933892;
const recordedFingerprint = "fp_3a91c0e7d2";

export interface RecordedUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

function usageFor(promptTokens: number, completionTokens: number): RecordedUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** A rough token count, enough for usage fields to look like the real thing. */
function roughTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The body of a non-streaming reply (`"object": "chat.completion"`). */
export function recordedChatCompletion(
  text: string,
  options: { model?: string; finishReason?: string } = {},
) {
  return {
    id: recordedId,
    object: "chat.completion",
    created: recordedCreated,
    model: options.model ?? recordedModel,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: options.finishReason ?? "stop",
      },
    ],
    usage: usageFor(412, roughTokens(text)),
    service_tier: "default",
    system_fingerprint: recordedFingerprint,
  };
}

/**
 * The chunks of a streamed reply, in order: one that opens the assistant
 * message with empty content, one per piece of text, one with the finish
 * reason and an empty delta, and, when the request asked for usage
 * (`stream_options.include_usage`), a last one with no choices and the
 * usage. Every chunk then carries `"usage": null` until that last one.
 * Each goes on the wire as `data: <json>`, and `data: [DONE]` ends the stream.
 */
export function recordedChatCompletionChunks(
  pieces: readonly string[],
  options: { model?: string; finishReason?: string; includeUsage?: boolean } = {},
): Record<string, unknown>[] {
  const model = options.model ?? recordedModel;
  const includeUsage = options.includeUsage ?? false;
  const chunk = (choices: unknown[], usage: RecordedUsage | null, obfuscation: string) => ({
    id: recordedId,
    object: "chat.completion.chunk",
    created: recordedCreated,
    model,
    service_tier: "default",
    system_fingerprint: recordedFingerprint,
    choices,
    ...(includeUsage ? { usage } : {}),
    obfuscation,
  });
  const choice = (delta: Record<string, unknown>, finishReason: string | null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finishReason,
  });
  const chunks = [
    chunk([choice({ role: "assistant", content: "", refusal: null }, null)], null, "k2Vd9TqA"),
    ...pieces.map((piece) =>
      chunk([choice({ content: piece }, null)], null, "Zr8pWm3x".slice(piece.length % 8)),
    ),
    chunk([choice({}, options.finishReason ?? "stop")], null, "q7Lf"),
  ];
  if (includeUsage) chunks.push(chunk([], usageFor(412, roughTokens(pieces.join(""))), "N4bXe2s"));
  return chunks;
}

/** Cuts text the way the API streams it: a word or a punctuation mark, with the spaces before it. */
export function streamedPieces(text: string): string[] {
  return text.match(/\s*(?:[\p{L}\p{N}]+|[^\s\p{L}\p{N}])|\s+$/gu) ?? [];
}

/** A 401 for a wrong key: OpenAI echoes part of the key back in the message. */
export function recordedInvalidApiKeyError(apiKey: string) {
  return {
    error: {
      message: `Incorrect API key provided: ${apiKey.slice(0, 8)}${"*".repeat(Math.max(0, apiKey.length - 12))}${apiKey.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      type: "invalid_request_error",
      param: null,
      code: "invalid_api_key",
    },
  };
}

export const recordedServerError = {
  error: {
    message: "The server had an error while processing your request. Sorry about that!",
    type: "server_error",
    param: null,
    code: null,
  },
};
