import type { Assistant, Channel, Condition } from "@parley/model";
import { useQuery } from "@tanstack/react-query";
import type { AssistantSummary } from "../api/assistants.ts";
import { api, path } from "../api/client.ts";

/**
 * The Rules tab's side of the API (/v1/rules, /v1/default-assistants): the shapes the server's
 * OpenAPI gives them, and one cached query per list so every part of the tab reads the same data.
 */

export interface Audience {
  /** `all`: every condition must hold; `any`: at least one. No conditions means everyone. */
  match: "all" | "any";
  conditions: Condition[];
}

/** What PUT and POST /v1/rules take (RuleRequest). */
export interface RuleInput {
  name: string;
  channel: Channel;
  brandId: string | null;
  assistantId: string;
  startDialogId: string | null;
  proactive: boolean;
  audience: Audience;
  phoneNumber: string | null;
  whatsappId: string | null;
  enabled: boolean;
}

export interface Rule extends RuleInput {
  id: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface DefaultAssistant {
  brandId: string;
  channel: Channel;
  assistantId: string;
}

export interface AttributeValues {
  attributes: Record<string, string | number | boolean | string[] | null>;
}

/** POST /v1/rules/evaluate: the visitor the preview pane describes. */
export interface EvaluationRequest {
  channel: Channel;
  brandId?: string;
  session?: {
    currentPage?: string;
    previousPage?: string;
    language?: string;
    timeOnPage?: number;
    userAgent?: string;
  };
  customer?: { authenticated: boolean } & AttributeValues;
  company?: AttributeValues;
  conversation?: AttributeValues;
  message?: { text?: string; attachmentCount?: number };
  phoneNumber?: string;
  whatsappId?: string;
  proactive: boolean;
}

export type EvaluationResult =
  | { source: "rule"; ruleId: string; assistantId: string; version: number; startDialogId: string }
  | { source: "default"; assistantId: string; version: number; startDialogId: string }
  | { source: "none" };

export const rulesQueryKey = ["rules"] as const;
export const defaultAssistantsQueryKey = ["default-assistants"] as const;

/** Every rule of the organization, in the order they are tried (the order spans channels). */
export function useRules() {
  return useQuery({
    queryKey: rulesQueryKey,
    queryFn: ({ signal }) => api.get<{ data: Rule[] }>("/v1/rules", signal).then((page) => page.data),
  });
}

export function useDefaultAssistants() {
  return useQuery({
    queryKey: defaultAssistantsQueryKey,
    queryFn: ({ signal }) =>
      api.get<{ data: DefaultAssistant[] }>("/v1/default-assistants", signal).then((page) => page.data),
  });
}

/**
 * The organization's assistants, published or not: rules name assistants that may have been
 * unpublished since, and the list must still say which. Pickers offer only the published ones.
 */
export function useAllAssistants() {
  return useQuery({
    queryKey: ["assistants", "all-summaries"],
    queryFn: async ({ signal }) => {
      const assistants: AssistantSummary[] = [];
      let cursor: string | null | undefined;
      do {
        const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
        const page = await api.get<{ data: AssistantSummary[]; nextCursor?: string | null }>(
          `/v1/assistants?limit=200${query}`,
          signal,
        );
        assistants.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor && assistants.length < 2000);
      return assistants;
    },
    staleTime: 15_000,
  });
}

export function isPublished(assistant: AssistantSummary): boolean {
  return assistant.liveVersion !== null;
}

export interface DialogName {
  id: string;
  name: string;
}

/** The dialogs of a published version: what a rule may start with. */
export function usePublishedDialogs(
  assistantId: string | null | undefined,
  version: number | null | undefined,
) {
  return useQuery({
    queryKey: ["assistants", assistantId, "versions", version, "dialogs"],
    enabled: Boolean(assistantId) && typeof version === "number",
    queryFn: async ({ signal }) => {
      const published = await api.get<{ definition: Assistant }>(
        path("/v1/assistants", String(assistantId), "versions", String(version)),
        signal,
      );
      return published.definition.dialogs.map((dialog): DialogName => ({ id: dialog.id, name: dialog.name }));
    },
    staleTime: 60_000,
  });
}
