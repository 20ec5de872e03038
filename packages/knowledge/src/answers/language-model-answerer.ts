import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { type FinishReason, generateText, type LanguageModel, streamText } from "ai";
import type { AnswerProvider, AnswerRequest, GroundedAnswer } from "../types.ts";
import { refusalMessage } from "./answer-messages.ts";
import { answerRules, buildAnswerPrompt } from "./answer-prompt.ts";
import { citationsOfReply, cleanReplyText, isNoAnswerReply } from "./answer-reply.ts";
import {
  defaultMaxRetries,
  defaultTimeoutMs,
  type LanguageModelConfig,
  openAIBaseUrl,
  parseLanguageModelConfig,
} from "./language-model-config.ts";
import { describeFailure, LanguageModelAnswerError } from "./language-model-error.ts";
import { createLeakDetector } from "./leak-detection.ts";
import { ReplyStreamGate } from "./reply-stream-gate.ts";

export interface LanguageModelAnswererOptions {
  /** A fetch to send requests with (a proxy, a recorder); the global fetch by default. */
  fetch?: typeof globalThis.fetch;
}

/**
 * The answer provider backed by a language model through the Vercel AI
 * SDK. One adapter, the OpenAI-compatible one, serves both kinds: OpenAI's
 * own API speaks the same chat-completions protocol, so every endpoint goes
 * through the same code and the same tests. (`@ai-sdk/openai` would talk
 * to OpenAI through its Responses API, a second protocol to test for one
 * kind of endpoint.) The one OpenAI quirk that matters here, newer models
 * refusing `max_tokens`, is handled by sending `max_completion_tokens`.
 *
 * The model sees only the fixed rules, the organization's guidance, the
 * retrieved passages and the question. A question the search found no
 * relevant article for is refused without calling the model.
 *
 * When `request.onText` is given the reply streams; the pieces come out a
 * little behind the model (see ReplyStreamGate) and, when the answer is
 * found, add up exactly to its text. When the final answer is a refusal,
 * whatever was streamed must be replaced by the refusal's text.
 */
export function createLanguageModelAnswerer(
  settings: LanguageModelConfig,
  options: LanguageModelAnswererOptions = {},
): AnswerProvider {
  const config = parseLanguageModelConfig(settings);
  const baseUrl = config.baseUrl ?? openAIBaseUrl;
  const provider = createOpenAICompatible({
    name: config.kind,
    baseURL: baseUrl,
    ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
    includeUsage: true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(config.kind === "openai" ? { transformRequestBody: sendMaxCompletionTokens } : {}),
  });
  const model = provider.chatModel(config.model);
  return {
    name: config.model,
    answer: (request) => answerWithModel(request, model, config, baseUrl),
  };
}

/** OpenAI deprecated `max_tokens` for chat completions, and its reasoning models reject it. */
function sendMaxCompletionTokens(body: Record<string, unknown>): Record<string, unknown> {
  if (body.max_tokens === undefined) return body;
  const { max_tokens: maxTokens, ...rest } = body;
  return { ...rest, max_completion_tokens: maxTokens };
}

interface ModelReply {
  text: string;
  finishReason: FinishReason | undefined;
}

async function answerWithModel(
  request: AnswerRequest,
  model: LanguageModel,
  config: LanguageModelConfig,
  baseUrl: string,
): Promise<GroundedAnswer> {
  const refusal: GroundedAnswer = {
    found: false,
    text: refusalMessage(request.language),
    citations: [],
    provider: config.model,
  };
  if (!request.search.relevant || request.search.hits.length === 0) return refusal;
  const prompt = buildAnswerPrompt({
    question: request.question,
    language: request.language,
    hits: request.search.hits,
    ...(request.instructions === undefined ? {} : { instructions: request.instructions }),
  });
  if (prompt.sources.length === 0) return refusal;

  // Only the fixed rules are protected: the organization's guidance may rightly put its own
  // words into answers ("End every answer with: Happy shopping!").
  const leakDetector = createLeakDetector([answerRules]);
  const withholds = (reply: string) => isNoAnswerReply(reply) || leakDetector.leaks(reply);
  const timeoutMs = config.timeoutMs ?? defaultTimeoutMs;
  const call = {
    model,
    instructions: prompt.instructions,
    prompt: prompt.prompt,
    temperature: config.temperature,
    maxOutputTokens: config.maxOutputTokens,
    maxRetries: config.maxRetries ?? defaultMaxRetries,
    timeout: timeoutMs,
    abortSignal: request.signal,
  };

  const onText = request.onText;
  let callbackFailure: { error: unknown } | undefined;
  const gate = onText
    ? new ReplyStreamGate({
        onText: (delta) => {
          try {
            onText(delta);
          } catch (error) {
            callbackFailure = { error };
            throw error;
          }
        },
        withholds,
        longestWithheldLength: leakDetector.longestFingerprintLength,
      })
    : undefined;

  let reply: ModelReply;
  try {
    reply = gate ? await streamReply(call, gate) : await generateReply(call);
  } catch (error) {
    // The caller's own callback failing is the caller's error, not the model's.
    if (callbackFailure && error === callbackFailure.error) throw error;
    throw describeFailure(error, { baseUrl, apiKey: config.apiKey, timeoutMs, signal: request.signal });
  }

  if (withholds(reply.text)) return refusal;
  const text = cleanReplyText(reply.text);
  if (text === "") {
    if (reply.finishReason === "content-filter") return refusal;
    throw new LanguageModelAnswerError(
      "empty",
      `The language model ${config.model} returned an empty answer.`,
    );
  }
  gate?.finish(text);
  return {
    found: true,
    text,
    citations: citationsOfReply(reply.text, prompt.sources),
    provider: config.model,
  };
}

type CallSettings = Parameters<typeof generateText>[0] & Parameters<typeof streamText>[0];

async function generateReply(call: CallSettings): Promise<ModelReply> {
  const result = await generateText(call);
  return { text: result.text, finishReason: result.finishReason };
}

/**
 * Reads the full stream rather than the text stream: errors and aborts
 * arrive there as parts, where they can be told apart and thrown, instead
 * of ending the text early as if the answer were complete.
 */
async function streamReply(call: CallSettings, gate: ReplyStreamGate): Promise<ModelReply> {
  // Errors are thrown from the loop below; the default handler would also print them.
  const result = streamText({ ...call, onError: () => {} });
  let finishReason: FinishReason | undefined;
  for await (const part of result.stream) {
    if (part.type === "text-delta") gate.push(part.text);
    else if (part.type === "error") throw part.error;
    else if (part.type === "abort") throw part.reason ?? new Error("The stream was aborted.");
    else if (part.type === "finish") finishReason = part.finishReason;
  }
  return { text: gate.reply, finishReason };
}
