import { OutgoingRequestRefused } from "../../outgoing/guarded-fetch.ts";
import type { ConnectionForAdapter, OutgoingPart, SendResult } from "../messaging/messaging-adapter.ts";

/**
 * Meta's codes that mean "later", whatever the HTTP status says: 4 (the app's call rate), 80007
 * (the business account's), 130429 (the number's throughput), 131056 (too many messages to one
 * customer) and 131000/1/2 (Meta's own trouble). Every other code is an answer about the message
 * or the account (131047 outside the 24-hour window, 131026 undeliverable, 190 a bad token),
 * which sending again would not change.
 */
const transientCodes = new Set([1, 2, 4, 80007, 130429, 131000, 131056]);

/** How much of an answer's text a reason keeps: enough for Meta's message and details. */
const reasonLength = 500;

export function messagesUrl(connection: ConnectionForAdapter): string {
  return `${connection.apiBaseUrl.replace(/\/+$/, "")}/${encodeURIComponent(connection.address)}/messages`;
}

interface GraphError {
  code?: unknown;
  message?: unknown;
  error_data?: { details?: unknown };
}

function errorOf(answer: unknown): GraphError | null {
  const error = (answer as { error?: unknown } | null)?.error;
  return typeof error === "object" && error !== null ? (error as GraphError) : null;
}

/**
 * "WhatsApp error 131047: Re-engagement message". Meta writes its messages as "(#131047) Title",
 * so the code is not said twice; `details` says which field, when Meta tells.
 */
function describeError(status: number, error: GraphError | null, answerText: string): string {
  if (!error) return `WhatsApp answered ${status}: ${answerText.slice(0, 200) || "(no body)"}`;
  const code = typeof error.code === "number" ? error.code : undefined;
  const message = typeof error.message === "string" ? error.message.replace(/^\(#\d+\)\s*/, "") : "";
  const details = typeof error.error_data?.details === "string" ? error.error_data.details : "";
  const title = message || `answered ${status}`;
  const withDetails = details && details !== title ? `${title} (${details})` : title;
  return code === undefined ? `WhatsApp error: ${withDetails}` : `WhatsApp error ${code}: ${withDetails}`;
}

/** A reason never carries the access token, even should an answer echo it back. */
function redacted(reason: string, connection: ConnectionForAdapter): string {
  const token = connection.credentials.accessToken;
  const safe = token && token.length >= 8 ? reason.replaceAll(token, "[access token]") : reason;
  return safe.slice(0, reasonLength);
}

function failureOfException(error: unknown, timeoutMilliseconds: number): SendResult {
  // A DOMException, which not every runtime makes an Error.
  if ((error as { name?: unknown } | null)?.name === "TimeoutError") {
    return { ok: false, transient: true, reason: `WhatsApp did not answer within ${timeoutMilliseconds} ms` };
  }
  // fetch says only "fetch failed"; the reason (refused, unknown host, reset) is in its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  // The operator's outgoing policy forbids the API's address: retrying cannot help until an admin
  // changes the connection's API address or the policy.
  if (cause instanceof OutgoingRequestRefused) return { ok: false, transient: false, reason: cause.message };
  const message = cause instanceof Error ? cause.message : String(cause);
  return { ok: false, transient: true, reason: `could not reach WhatsApp: ${message}` };
}

/** Sends one rendered part to `POST {apiBaseUrl}/{phone number id}/messages`. */
export async function sendPart(
  part: OutgoingPart,
  connection: ConnectionForAdapter,
  options: { fetch: typeof fetch; timeoutMilliseconds: number },
): Promise<SendResult> {
  let response: Response;
  let answerText: string;
  try {
    response = await options.fetch(messagesUrl(connection), {
      method: "POST",
      headers: {
        authorization: `Bearer ${connection.credentials.accessToken ?? ""}`,
        "content-type": "application/json",
        accept: "application/json",
      },
      body: JSON.stringify(part.body),
      // A redirect would carry the bearer token somewhere the admin did not choose.
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMilliseconds),
    });
    answerText = await response.text();
  } catch (error) {
    return failureOfException(error, options.timeoutMilliseconds);
  }
  let answer: unknown = null;
  try {
    answer = JSON.parse(answerText);
  } catch {
    // Proxies and load balancers answer in HTML; the status still decides.
  }
  const { status } = response;
  if (status >= 200 && status < 300) {
    const id = (answer as { messages?: Array<{ id?: unknown }> } | null)?.messages?.[0]?.id;
    if (typeof id === "string" && id !== "") return { ok: true, providerMessageId: id };
    // Perhaps sent: trying again could send it twice, so it is not retried.
    return {
      ok: false,
      transient: false,
      status,
      reason: `WhatsApp answered ${status} without a message id`,
    };
  }
  const error = errorOf(answer);
  const code = typeof error?.code === "number" ? error.code : undefined;
  const transient =
    status === 408 || status === 429 || status >= 500 || (code !== undefined && transientCodes.has(code));
  return {
    ok: false,
    transient,
    status,
    reason: redacted(describeError(status, error, answerText), connection),
  };
}
