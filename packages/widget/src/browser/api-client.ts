import type {
  BrandSettings,
  ConversationView,
  OutgoingMessage,
  PageSession,
  StartedConversation,
  StoredFile,
  TranscriptMessage,
} from "./protocol.ts";

/**
 * A failed request. `status` 0 means the request never got an answer (the
 * network, or the server restarting): the only failure worth retrying as is.
 */
export class RequestError extends Error {
  override name = "RequestError";
  status: number;
  code: string;
  retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface Credentials {
  conversationId: string;
  visitorToken: string;
}

export interface StartRequest {
  brandId: string;
  session: PageSession;
  customerToken?: string;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The web chat routes of docs/web-chat.md, on the server the script came from. */
export function createApiClient(origin: string) {
  /** A `Blob` body goes as it is, with its type and name in `fileHeaders`; any other body as JSON. */
  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    fileHeaders?: Record<string, string>,
  ): Promise<T> {
    const isFile = body instanceof Blob;
    const headers: Record<string, string> = { ...fileHeaders };
    if (body !== undefined && !isFile) headers["content-type"] = "application/json";
    if (token) headers["x-parley-visitor-token"] = token;
    let response: Response;
    try {
      response = await fetch(origin + path, {
        method,
        headers,
        body: isFile ? body : body === undefined ? undefined : JSON.stringify(body),
        // The visitor token is the credential: cookies of the server's site are none of the widget's business.
        credentials: "omit",
      });
    } catch (error) {
      throw new RequestError(0, "network", error instanceof Error ? error.message : "network error");
    }
    if (response.status === 204) return undefined as T;
    const payload = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (payload as { error?: { code?: string; message?: string } } | null)?.error;
      const retryAfter = Number(response.headers.get("retry-after"));
      throw new RequestError(
        response.status,
        error?.code ?? "http_error",
        error?.message ?? `HTTP ${response.status}`,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      );
    }
    return payload as T;
  }

  const conversationPath = (credentials: Credentials) =>
    `/v1/web-chat/conversations/${encodeURIComponent(credentials.conversationId)}`;

  return {
    brand: (brandId: string) =>
      request<BrandSettings>("GET", `/v1/web-chat/brands/${encodeURIComponent(brandId)}`),
    start: (body: StartRequest) => request<StartedConversation>("POST", "/v1/web-chat/conversations", body),
    proactive: (body: StartRequest) =>
      request<({ match: true } & StartedConversation) | { match: false }>(
        "POST",
        "/v1/web-chat/proactive",
        body,
      ),
    conversation: (credentials: Credentials) =>
      request<{ conversation: ConversationView }>(
        "GET",
        conversationPath(credentials),
        undefined,
        credentials.visitorToken,
      ),
    messages: (credentials: Credentials, after: number) =>
      request<{ messages: TranscriptMessage[]; lastSequence: number }>(
        "GET",
        `${conversationPath(credentials)}/messages?after=${after}&limit=200`,
        undefined,
        credentials.visitorToken,
      ),
    send: (credentials: Credentials, message: OutgoingMessage & { clientMessageId: string }) =>
      request<{ sequence: number | null; duplicate: boolean }>(
        "POST",
        `${conversationPath(credentials)}/messages`,
        message,
        credentials.visitorToken,
      ),
    upload: (credentials: Credentials, file: Blob, mediaType: string, name: string) =>
      request<StoredFile>("POST", `${conversationPath(credentials)}/files`, file, credentials.visitorToken, {
        "content-type": mediaType,
        // Header values are Latin-1 at best: the server decodes the URL-encoded name.
        "x-file-name": encodeURIComponent(name),
      }),
    identify: (credentials: Credentials, customerToken: string) =>
      request<{ conversation: ConversationView }>(
        "POST",
        `${conversationPath(credentials)}/identify`,
        { customerToken },
        credentials.visitorToken,
      ),
    socketUrl(credentials: Credentials, after: number): string {
      const url = new URL(`${conversationPath(credentials)}/socket`, origin);
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
      url.searchParams.set("token", credentials.visitorToken);
      url.searchParams.set("after", String(after));
      return url.href;
    },
  };
}
