import { useQuery } from "@tanstack/react-query";
import { api, path } from "../api/client.ts";

/** POST /v1/assistants/:id/preview: a web chat conversation with the draft or a version, and its token. */
export interface StartedPreview {
  conversation: { id: string; status: string; assistantStatus: string | null; lastSequence: number };
  visitorToken: string;
}

/** GET /v1/assistants/:id/preview/:conversationId (PreviewState in the OpenAPI). */
export interface PreviewState {
  conversationId: string;
  status: "open" | "transferred" | "ended";
  assistantStatus: string | null;
  dialog: { id: string; name: string } | null;
  waiting: { for: string; interactionId: string | null; interactionKind: string | null } | null;
  attributes: { conversation: Record<string, unknown>; customer: Record<string, unknown> };
  lastSequence: number;
}

export interface VersionSummary {
  version: number;
  live: boolean;
  publishedAt: string;
}

/** What is previewed: the saved draft, or a published version by number. */
export type PreviewTarget = "draft" | number;

export function useVersions(assistantId: string) {
  return useQuery({
    queryKey: ["assistants", assistantId, "versions"],
    queryFn: ({ signal }) =>
      api.get<{ data: VersionSummary[] }>(path("/v1/assistants", assistantId, "versions"), signal),
  });
}

/**
 * Starts a preview conversation. It is a query rather than a mutation so the page starts one on
 * arrival and on every change of target or restart (each a new key), with loading and error states
 * for free; it is never cached or retried, since each run makes a new conversation.
 */
export function useStartedPreview(assistantId: string, target: PreviewTarget, attempt: number) {
  return useQuery({
    queryKey: ["preview", assistantId, target, attempt],
    queryFn: () =>
      api.post<StartedPreview>(path("/v1/assistants", assistantId, "preview"), {
        session: { language: navigator.language.slice(0, 2) || "en" },
        ...(target === "draft" ? {} : { version: target }),
      }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
}

/**
 * Polled while the assistant runs; once transferred or ended only the widget's events (a new
 * message, a changed conversation) make the page read it again.
 */
export function usePreviewState(assistantId: string, conversationId: string) {
  return useQuery({
    queryKey: ["preview-state", assistantId, conversationId],
    queryFn: ({ signal }) =>
      api.get<PreviewState>(path("/v1/assistants", assistantId, "preview", conversationId), signal),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "open" ? false : 1500),
  });
}
