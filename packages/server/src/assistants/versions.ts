import type { Assistant } from "@parley/model";
import { and, desc, eq, max } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { assistantVersions } from "../database/schema/index.ts";
import { ApiError } from "../http/errors.ts";
import type { AssistantRow } from "./representation.ts";

export type VersionRow = typeof assistantVersions.$inferSelect;

export interface VersionSummary {
  assistantId: string;
  version: number;
  live: boolean;
  publishedAt: string;
  /** The user or API key that published it. */
  publishedBy: string | null;
}

export interface VersionDetail extends VersionSummary {
  definition: Assistant;
}

export function versionSummaryOf(
  row: Pick<VersionRow, "assistantId" | "version" | "publishedAt" | "publishedBy">,
  liveVersion: number | null,
): VersionSummary {
  return {
    assistantId: row.assistantId,
    version: row.version,
    live: row.version === liveVersion,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  };
}

export function versionDetailOf(row: VersionRow, liveVersion: number | null): VersionDetail {
  return { ...versionSummaryOf(row, liveVersion), definition: row.definition };
}

export function versionNotFound(assistantId: string, version: number): ApiError {
  return new ApiError(404, "not_found", `Assistant ${assistantId} has no version ${version}.`);
}

/**
 * Stores the next version (the highest so far plus one). Versions are only
 * ever inserted: nothing updates or deletes one but deleting its assistant.
 * The caller holds the assistant's row, so two publishes cannot pick one number.
 */
export async function insertNextVersion(
  executor: Executor,
  assistant: AssistantRow,
  definition: Assistant,
  publishedBy: string | null,
): Promise<VersionRow> {
  const [highest] = await executor
    .select({ version: max(assistantVersions.version) })
    .from(assistantVersions)
    .where(eq(assistantVersions.assistantId, assistant.id));
  const [row] = await executor
    .insert(assistantVersions)
    .values({ assistantId: assistant.id, version: (highest?.version ?? 0) + 1, definition, publishedBy })
    .returning();
  if (!row) throw new Error("the version was not stored");
  return row;
}

/** Every version of an assistant, newest first, without their definitions. */
export async function listVersions(executor: Executor, assistant: AssistantRow): Promise<VersionSummary[]> {
  const rows = await executor
    .select({
      assistantId: assistantVersions.assistantId,
      version: assistantVersions.version,
      publishedAt: assistantVersions.publishedAt,
      publishedBy: assistantVersions.publishedBy,
    })
    .from(assistantVersions)
    .where(eq(assistantVersions.assistantId, assistant.id))
    .orderBy(desc(assistantVersions.version));
  return rows.map((row) => versionSummaryOf(row, assistant.liveVersion));
}

export async function findVersion(
  executor: Executor,
  assistant: AssistantRow,
  version: number,
): Promise<VersionRow> {
  const [row] = await executor
    .select()
    .from(assistantVersions)
    .where(and(eq(assistantVersions.assistantId, assistant.id), eq(assistantVersions.version, version)))
    .limit(1);
  if (!row) throw versionNotFound(assistant.id, version);
  return row;
}

/** The version published last; 422 when there is none, since there is nothing to start from. */
export async function latestVersion(executor: Executor, assistant: AssistantRow): Promise<VersionRow> {
  const [row] = await executor
    .select()
    .from(assistantVersions)
    .where(eq(assistantVersions.assistantId, assistant.id))
    .orderBy(desc(assistantVersions.version))
    .limit(1);
  if (!row) {
    throw new ApiError(
      422,
      "never_published",
      `Assistant ${assistant.id} has no published version to start a draft from.`,
    );
  }
  return row;
}
