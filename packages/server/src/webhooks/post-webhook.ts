/** How long a receiver has to answer an attempt. */
export const defaultTimeoutMilliseconds = 10_000;
/**
 * How much of a receiver's answer the log keeps, and of an error message. Enough for the reason an
 * endpoint gives for refusing; the log is for telling what went wrong, not for reading pages.
 */
export const responseExcerptLength = 256;
export const errorLength = 1000;

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMilliseconds: number;
  fetch: typeof fetch;
  /** Aborts the attempt early, when the job queue stops. */
  signal?: AbortSignal | undefined;
}

export interface AttemptOutcome {
  succeeded: boolean;
  startedAt: Date;
  durationMilliseconds: number;
  /** Null when no answer came. */
  responseStatus: number | null;
  responseBody: string | null;
  /** Why the attempt failed; null when it succeeded. */
  error: string | null;
}

/**
 * The start of a text, as PostgreSQL can store it: a receiver's answer may contain NUL
 * characters, and a cut may split a surrogate pair.
 */
export function storableExcerpt(text: string, length: number): string {
  return text.replaceAll("\u0000", "").slice(0, length).toWellFormed();
}

/** The start of the body, read no further than the log keeps, so a huge answer costs nothing. */
async function responseExcerpt(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < responseExcerptLength * 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut short (timeout, reset) still leaves the status, which is what decides.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return storableExcerpt(new TextDecoder().decode(Buffer.concat(chunks)), responseExcerptLength);
}

function describeFailure(error: unknown, timeoutMilliseconds: number, stopped: boolean): string {
  // A DOMException, which not every runtime makes an Error.
  if ((error as { name?: unknown } | null)?.name === "TimeoutError") {
    return `no answer within ${timeoutMilliseconds} ms`;
  }
  if (stopped) return "the attempt was interrupted because the server stopped";
  // fetch says only "fetch failed"; the reason (refused, unknown host, TLS) is in its cause.
  const cause = error instanceof Error ? error.cause : undefined;
  const message =
    cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return storableExcerpt(message, errorLength);
}

/** One POST of a delivery. Any 2xx is a success; redirects are not followed, so they are failures. */
export async function postWebhook(request: WebhookRequest): Promise<AttemptOutcome> {
  const startedAt = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signals = [AbortSignal.timeout(request.timeoutMilliseconds)];
  if (request.signal) signals.push(request.signal);
  try {
    const response = await request.fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      // Following a redirect would send the signed body somewhere the admin did not choose.
      redirect: "manual",
      signal: AbortSignal.any(signals),
    });
    const responseBody = await responseExcerpt(response);
    const succeeded = response.status >= 200 && response.status < 300;
    let error: string | null = null;
    if (response.status >= 300 && response.status < 400) {
      error = `answered ${response.status}: redirects are not followed, subscribe the final URL`;
    } else if (!succeeded) {
      error = `answered ${response.status}`;
    }
    return {
      succeeded,
      startedAt,
      durationMilliseconds: elapsed(),
      responseStatus: response.status,
      responseBody,
      error,
    };
  } catch (error) {
    return {
      succeeded: false,
      startedAt,
      durationMilliseconds: elapsed(),
      responseStatus: null,
      responseBody: null,
      error: describeFailure(error, request.timeoutMilliseconds, request.signal?.aborted ?? false),
    };
  }
}
