import type { ConnectionForAdapter, OutgoingPart, SendResult } from "../messaging/messaging-adapter.ts";

export interface TwilioSendOptions {
  fetch: typeof fetch;
  timeoutMilliseconds: number;
  /** Where Twilio reports the message's delivery (Parley's webhook URL for this connection). */
  statusCallbackUrl: string;
}

/** Twilio's error body: `{"code": 21211, "message": "…", "more_info": "https://…", "status": 400}`. */
interface TwilioError {
  code?: unknown;
  message?: unknown;
}

/** The Messages resource of the connection's account, under whatever base the admin set. */
export function messagesUrl(apiBaseUrl: string, accountSid: string): string {
  const base = apiBaseUrl.replace(/\/+$/, "");
  return `${base}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
}

/** The form Twilio's REST API takes; a repeated field (several `MediaUrl`) appears once per value. */
export function formOf(fields: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) form.append(name, String(item));
    }
  }
  return form;
}

/**
 * Creates one message with Twilio's REST API. The answer is classified, never thrown: a refusal
 * for good (a wrong number, wrong credentials) must not be retried, while a timeout, 429 or 5xx
 * may succeed later. Reasons quote Twilio's code and message and never the credentials.
 */
export async function sendToTwilio(
  part: OutgoingPart,
  connection: ConnectionForAdapter,
  options: TwilioSendOptions,
): Promise<SendResult> {
  const { accountSid, authToken } = connection.credentials;
  if (!accountSid || !authToken) {
    return {
      ok: false,
      transient: false,
      reason: "the connection lacks its Twilio Account SID or Auth Token",
    };
  }
  const form = formOf(part.body);
  if (options.statusCallbackUrl) form.set("StatusCallback", options.statusCallbackUrl);
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(messagesUrl(connection.apiBaseUrl, accountSid), {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: form.toString(),
      signal: AbortSignal.timeout(options.timeoutMilliseconds),
    });
    text = await response.text();
  } catch (error) {
    return { ok: false, transient: true, reason: unreachableReason(error, options.timeoutMilliseconds) };
  }
  return classify(response, text);
}

function classify(response: Response, text: string): SendResult {
  const answer = jsonOf(text);
  if (response.ok) {
    const sid = answer?.sid;
    if (typeof sid === "string" && sid !== "") return { ok: true, providerMessageId: sid };
    // Twilio took the message, so sending it again would send it twice.
    return {
      ok: false,
      transient: false,
      status: response.status,
      reason: `Twilio answered ${response.status} without the message's sid`,
    };
  }
  const status = response.status;
  return {
    ok: false,
    transient: status === 408 || status === 429 || status >= 500,
    status,
    reason: errorReason(answer, response),
  };
}

function errorReason(answer: TwilioError | null, response: Response): string {
  const code = typeof answer?.code === "number" || typeof answer?.code === "string" ? answer.code : null;
  const message = typeof answer?.message === "string" ? answer.message : null;
  if (code !== null && message) return `Twilio error ${code}: ${message}`;
  if (message) return `Twilio answered ${response.status}: ${message}`;
  return `Twilio answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
}

function jsonOf(text: string): (TwilioError & { sid?: unknown }) | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? value : null;
  } catch {
    return null;
  }
}

function unreachableReason(error: unknown, timeoutMilliseconds: number): string {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `Twilio did not answer within ${timeoutMilliseconds} ms`;
  }
  // fetch says only "fetch failed"; what went wrong (refused, reset, DNS) is its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return `could not reach Twilio: ${cause instanceof Error ? cause.message : String(cause)}`;
}
