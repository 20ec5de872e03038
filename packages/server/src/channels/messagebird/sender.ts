import type { ConnectionForAdapter, OutgoingPart, SendResult } from "../messaging/messaging-adapter.ts";
import { isObject } from "./payload-fields.ts";

export interface SendOptions {
  fetch: typeof fetch;
  timeoutMilliseconds: number;
  statusCallbackUrl: string;
}

/** `{apiBaseUrl}/v1/send`, whether or not the admin wrote the base URL with a trailing slash. */
export function sendUrlOf(apiBaseUrl: string): string {
  return `${apiBaseUrl.replace(/\/+$/, "")}/v1/send`;
}

/**
 * Sends one part with `POST /v1/send`, which starts or continues the customer's conversation
 * on the channel. MessageBird posts the message's status changes to `reportUrl`.
 */
export async function sendToMessagebird(
  part: OutgoingPart,
  connection: ConnectionForAdapter,
  options: SendOptions,
): Promise<SendResult> {
  const accessKey = connection.credentials.accessKey;
  if (!accessKey)
    return { ok: false, transient: false, reason: "the connection has no MessageBird access key" };

  let response: Response;
  let text: string;
  try {
    response = await options.fetch(sendUrlOf(connection.apiBaseUrl), {
      method: "POST",
      headers: {
        authorization: `AccessKey ${accessKey}`,
        "content-type": "application/json",
        accept: "application/json",
      },
      body: JSON.stringify({ ...part.body, reportUrl: options.statusCallbackUrl }),
      signal: AbortSignal.timeout(options.timeoutMilliseconds),
    });
    text = await response.text();
  } catch (error) {
    return { ok: false, transient: true, reason: unreachableReason(error, options.timeoutMilliseconds) };
  }
  return resultOf(response.status, text);
}

function unreachableReason(error: unknown, timeoutMilliseconds: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `MessageBird did not answer within ${timeoutMilliseconds} ms`;
  }
  // fetch's own messages name the host at most ("fetch failed", "connect ECONNREFUSED 127.0.0.1:…"),
  // never the request's headers, so the access key cannot leak through them.
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `could not reach MessageBird (${error instanceof Error ? error.message : String(error)}${cause})`;
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function resultOf(status: number, text: string): SendResult {
  const body = parsedJson(text);
  if (status >= 200 && status < 300) {
    const id = messageIdOf(body);
    // The message may well be on its way: retrying would send it twice, so it is not transient.
    if (id === undefined) {
      return {
        ok: false,
        transient: false,
        status,
        reason: `MessageBird answered HTTP ${status} without a message id`,
      };
    }
    return { ok: true, providerMessageId: id };
  }
  const transient = status === 408 || status === 429 || status >= 500;
  return { ok: false, transient, status, reason: errorReasonOf(status, body) };
}

/** `{id, status: "accepted"}` as the API reference shows it; some SDKs read `{message: {id}}`. */
function messageIdOf(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  if (typeof body.id === "string" && body.id !== "") return body.id;
  const message = body.message;
  return isObject(message) && typeof message.id === "string" && message.id !== "" ? message.id : undefined;
}

/** "MessageBird error 21: Bad request (to)", one entry per error MessageBird lists. */
function errorReasonOf(status: number, body: unknown): string {
  const errors = isObject(body) && Array.isArray(body.errors) ? body.errors.filter(isObject) : [];
  const described = errors.map((error) => {
    const code = typeof error.code === "number" || typeof error.code === "string" ? ` ${error.code}` : "";
    const description = typeof error.description === "string" ? error.description : "no description";
    const parameter =
      typeof error.parameter === "string" && error.parameter !== "" ? ` (${error.parameter})` : "";
    return `MessageBird error${code}: ${description}${parameter}`;
  });
  return described.length > 0 ? described.join("; ") : `MessageBird answered HTTP ${status}`;
}
