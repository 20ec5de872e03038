import type { Assistant, AssistantType, Channel } from "@parley/model";
import type { Problem } from "./client.ts";

/** An assistant as GET /v1/assistants lists it. */
export interface AssistantSummary {
  id: string;
  publicId: string;
  internalName: string;
  description: string;
  publicName: string;
  channel: Channel;
  type: AssistantType;
  status: "draft" | "active";
  liveVersion: number | null;
  draftRevision: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /v1/assistants/:id: the summary with the draft, whose revision is the ETag. */
export interface AssistantDetail extends AssistantSummary {
  draft: Assistant;
}

export interface AssistantWithProblems extends AssistantDetail {
  problems: Problem[];
}

export const assistantQueryKey = (id: string) => ["assistants", id] as const;
export const assistantsQueryKey = ["assistants"] as const;
