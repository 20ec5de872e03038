import type { Assistant, AssistantType, Channel } from "@parley/model";
import type { assistants } from "../database/schema/index.ts";

export type AssistantRow = typeof assistants.$inferSelect;

/** Draft until a version is live; unpublishing makes an assistant a draft again. */
export type AssistantStatus = "draft" | "active";

/** An assistant as lists show it: everything but the definition. */
export interface AssistantSummary {
  id: string;
  publicId: string;
  internalName: string;
  description: string;
  publicName: string;
  channel: Channel;
  type: AssistantType;
  status: AssistantStatus;
  liveVersion: number | null;
  draftRevision: number;
  createdAt: string;
  updatedAt: string;
}

/** An assistant with its draft definition. */
export interface AssistantDetail extends AssistantSummary {
  draft: Assistant;
}

export function summaryOf(row: AssistantRow): AssistantSummary {
  return {
    id: row.id,
    publicId: row.publicId,
    internalName: row.internalName,
    description: row.description,
    publicName: row.publicName,
    channel: row.channel,
    type: row.type,
    status: row.liveVersion === null ? "draft" : "active",
    liveVersion: row.liveVersion,
    draftRevision: row.draftRevision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function detailOf(row: AssistantRow): AssistantDetail {
  return { ...summaryOf(row), draft: row.draft };
}
