import { useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";

/**
 * The organization's set-up that forms pick from: teams, Klasses and their attributes, schedules,
 * snippets, brands, knowledge bases, AI profiles and intents. Each list is one cached query, shared
 * by every picker on the page.
 */

interface Page<T> {
  data: T[];
  nextCursor?: string | null;
}

export interface Named {
  id: string;
  name: string;
}
export interface KlassAttribute {
  name: string;
  label: string;
  type: "text" | "number" | "boolean" | "date" | "choice" | "list";
  values?: string[];
  standard: boolean;
}
export interface Klass {
  name: string;
  label: string;
  standard: boolean;
  attributes: KlassAttribute[];
}
export interface Snippet extends Named {
  values: Record<string, string>;
}
export interface KnowledgeBase extends Named {
  [field: string]: unknown;
}
export interface AiProfile extends Named {
  [field: string]: unknown;
}
export interface Intent extends Named {
  [field: string]: unknown;
}
export interface PredefinedIntent {
  name: string;
  [field: string]: unknown;
}

/** Every page of a list, for the few hundred records a picker shows at most. */
async function allPages<T>(path: string, signal: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null | undefined;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const url = cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path;
    const page = await api.get<Page<T>>(url, signal);
    items.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && items.length < 2000);
  return items;
}

function useList<T>(key: string, path: string) {
  return useQuery({
    queryKey: ["organization", key],
    queryFn: ({ signal }) => allPages<T>(path, signal),
    staleTime: 30_000,
  });
}

export const useTeams = () => useList<Named>("teams", "/v1/teams?limit=200");
export const useBrands = () => useList<Named>("brands", "/v1/brands?limit=200");
export const useKlasses = () => useList<Klass>("klasses", "/v1/klasses");
export const useBusinessSchedules = () =>
  useList<Named>("business-schedules", "/v1/business-schedules?limit=200");
export const useSnippets = () => useList<Snippet>("snippets", "/v1/snippets?limit=200");
export const useKnowledgeBases = () =>
  useList<KnowledgeBase>("knowledge-bases", "/v1/knowledge-bases?limit=200");
export const useAiProfiles = () => useList<AiProfile>("ai-profiles", "/v1/ai/profiles");
export const useIntents = () => useList<Intent>("intents", "/v1/intents");
export const usePredefinedIntents = () =>
  useList<PredefinedIntent>("predefined-intents", "/v1/intents/predefined");
