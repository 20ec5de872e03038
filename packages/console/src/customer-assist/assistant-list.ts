import type { AssistantType, Channel } from "@parley/model";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import type { AssistantSummary } from "../api/assistants.ts";
import { api } from "../api/client.ts";

/** What narrows the list; every part is a query parameter of GET /v1/assistants. */
export interface AssistantFilters {
  search: string;
  channel: Channel | "";
  type: AssistantType | "";
  status: "draft" | "active" | "";
}

const filterNames = ["search", "channel", "type", "status"] as const;

/**
 * The filters live in the page's address, so going back from the editor, reloading, or sharing
 * a link shows the same list.
 */
export function useAssistantFilters(): [AssistantFilters, (change: Partial<AssistantFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = {
    search: params.get("search") ?? "",
    channel: params.get("channel") ?? "",
    type: params.get("type") ?? "",
    status: params.get("status") ?? "",
  } as AssistantFilters;
  const change = (next: Partial<AssistantFilters>) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const name of filterNames) {
          const value = next[name];
          if (value === undefined) continue;
          if (value) updated.set(name, value);
          else updated.delete(name);
        }
        return updated;
      },
      { replace: true },
    );
  return [filters, change];
}

export function hasFilters(filters: AssistantFilters): boolean {
  return filterNames.some((name) => filters[name] !== "");
}

interface AssistantPage {
  data: AssistantSummary[];
  nextCursor: string | null;
}

const pageSize = 50;

export function listPath(filters: AssistantFilters, cursor?: string): string {
  const query = new URLSearchParams({ limit: String(pageSize) });
  for (const name of filterNames) {
    const value = filters[name].trim();
    if (value) query.set(name, value);
  }
  if (cursor) query.set("cursor", cursor);
  return `/v1/assistants?${query}`;
}

/** The organization's assistants, a page at a time, as the filters narrow them. */
export function useAssistantList(filters: AssistantFilters) {
  return useInfiniteQuery({
    queryKey: ["assistants", "list", filters],
    queryFn: ({ pageParam, signal }) => api.get<AssistantPage>(listPath(filters, pageParam), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}
