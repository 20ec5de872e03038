/**
 * The console's only way to the server: the public /v1 API with the session cookie.
 * Every failure becomes an ApiError carrying the server's message and problems, so a
 * page can show them next to the fields they name.
 */

/** One problem the server found, with the JSON pointer of what it is about. */
export interface Problem {
  path: string;
  code: string;
  message: string;
  severity?: "error" | "warning";
  in?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: Problem[];
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.problems = Array.isArray(details.problems) ? (details.problems as Problem[]) : [];
  }
}

/** Told when any request answers 401, so the console can send the admin to sign in. */
let onUnauthenticated: (() => void) | null = null;
export function whenUnauthenticated(listener: () => void): void {
  onUnauthenticated = listener;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as If-Match: the draft revision a save is based on. */
  ifMatch?: string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  if (error?.message) {
    const { code, message, ...details } = error as Record<string, unknown>;
    return new ApiError(response.status, String(code ?? "error"), String(message), details);
  }
  return new ApiError(
    response.status,
    "http_error",
    `The server answered ${response.status} ${response.statusText}. Try again in a moment.`,
  );
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  // Every change made with a session carries this header (the server's CSRF check).
  if (method !== "GET") headers["x-parley-request"] = "1";
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.ifMatch) headers["if-match"] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network", "Cannot reach the Parley server. Check your connection and try again.");
  }
  if (response.status === 401 && path !== "/v1/session") onUnauthenticated?.();
  if (!response.ok) throw await errorFrom(response);
  const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { data, headers: response.headers };
}

export const api = {
  get: async <T>(path: string, signal?: AbortSignal) => (await request<T>("GET", path, { signal })).data,
  post: async <T>(path: string, body?: unknown) => (await request<T>("POST", path, { body })).data,
  put: async <T>(path: string, body?: unknown, ifMatch?: string) =>
    (await request<T>("PUT", path, { body, ifMatch })).data,
  patch: async <T>(path: string, body?: unknown) => (await request<T>("PATCH", path, { body })).data,
  delete: async <T>(path: string) => (await request<T>("DELETE", path)).data,
};

/** A path with its parts escaped: `path("/v1/assistants", id)`. */
export function path(...parts: string[]): string {
  const [base, ...rest] = parts;
  return [base, ...rest.map((part) => encodeURIComponent(part))].join("/");
}
