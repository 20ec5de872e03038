import { useQuery } from "@tanstack/react-query";
import { api, path } from "../api/client.ts";

/** GET /v1/assistants/:id/versions, one entry. */
export interface VersionSummary {
  assistantId: string;
  version: number;
  live: boolean;
  publishedAt: string;
  publishedBy: string | null;
  publisher: { kind: "user" | "api_key"; name: string } | null;
}

export interface VersionDetail extends VersionSummary {
  /** The published definition; read as plain JSON, since an old version may predate this console. */
  definition: Record<string, unknown>;
}

export interface ValueChange {
  path: string;
  from?: unknown;
  to?: unknown;
}

export interface InteractionEntry {
  id: string;
  kind: string;
  path: string;
}

export interface DialogChange {
  id: string;
  name: string;
  interactions: {
    added: InteractionEntry[];
    removed: InteractionEntry[];
    changed: (InteractionEntry & { changes: ValueChange[] })[];
    moved: { id: string; kind: string; from: string; to: string }[];
  };
  end: {
    from: { id: string; kind: string } | null;
    to: { id: string; kind: string } | null;
    changes: ValueChange[];
  } | null;
}

/** GET /v1/assistants/:id/versions/compare. */
export interface VersionComparison {
  from: number | "draft";
  to: number | "draft";
  identical: boolean;
  settings: ValueChange[];
  dialogs: {
    added: { id: string; name: string; path: string }[];
    removed: { id: string; name: string; path: string }[];
    renamed: { id: string; from: string; to: string }[];
    changed: DialogChange[];
  };
}

export type VersionChoice = number | "draft";

export const versionsQueryKey = (assistantId: string) => ["assistants", assistantId, "versions"] as const;

export function useVersions(assistantId: string) {
  return useQuery({
    queryKey: versionsQueryKey(assistantId),
    queryFn: ({ signal }) =>
      api.get<{ data: VersionSummary[] }>(path("/v1/assistants", assistantId, "versions"), signal),
    select: (page) => page.data,
  });
}

export function useVersion(assistantId: string, version: number | null) {
  return useQuery({
    queryKey: [...versionsQueryKey(assistantId), version],
    queryFn: ({ signal }) =>
      api.get<VersionDetail>(path("/v1/assistants", assistantId, "versions", String(version)), signal),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * A comparison is cached by its two ends; one with the draft is asked again each time, since the
 * draft changes while published versions never do.
 */
export function useComparison(assistantId: string, from: VersionChoice | null, to: VersionChoice | null) {
  const ready = from !== null && to !== null && from !== to;
  return useQuery({
    queryKey: [...versionsQueryKey(assistantId), "compare", from, to],
    queryFn: ({ signal }) =>
      api.get<VersionComparison>(
        `${path("/v1/assistants", assistantId, "versions", "compare")}?from=${from}&to=${to}`,
        signal,
      ),
    enabled: ready,
    staleTime: from === "draft" || to === "draft" ? 0 : Number.POSITIVE_INFINITY,
  });
}
