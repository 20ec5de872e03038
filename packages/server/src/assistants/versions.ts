import type { Assistant } from "@parley/model";
import { and, desc, eq, inArray, max } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { apiKeys, assistantVersions, users } from "../database/schema/index.ts";
import { ApiError } from "../http/errors.ts";
import type { AssistantRow } from "./representation.ts";

export type VersionRow = typeof assistantVersions.$inferSelect;

/** Who published a version, by the name an admin knows them by. */
export interface Publisher {
  kind: "user" | "api_key";
  name: string;
}

export interface VersionSummary {
  assistantId: string;
  version: number;
  live: boolean;
  publishedAt: string;
  /** The user or API key that published it. */
  publishedBy: string | null;
  /** Null when the user or key no longer exists. */
  publisher: Publisher | null;
}

export interface VersionDetail extends VersionSummary {
  definition: Assistant;
}

export type Publishers = ReadonlyMap<string, Publisher>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The names of the users and API keys that published versions, so a list of versions can say
 * who published each without every reader needing the scope to list users. Only this
 * organization's users and keys are looked up.
 */
export async function publishersOf(
  executor: Executor,
  organizationId: string,
  ids: readonly (string | null)[],
): Promise<Publishers> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null && uuidPattern.test(id)))];
  const publishers = new Map<string, Publisher>();
  if (wanted.length === 0) return publishers;
  const people = await executor
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, wanted)));
  for (const person of people) publishers.set(person.id, { kind: "user", name: person.name || person.email });
  const keys = await executor
    .select({ id: apiKeys.id, name: apiKeys.name })
    .from(apiKeys)
    .where(and(eq(apiKeys.organizationId, organizationId), inArray(apiKeys.id, wanted)));
  for (const key of keys) publishers.set(key.id, { kind: "api_key", name: key.name });
  return publishers;
}

export function versionSummaryOf(
  row: Pick<VersionRow, "assistantId" | "version" | "publishedAt" | "publishedBy">,
  liveVersion: number | null,
  publishers: Publishers,
): VersionSummary {
  return {
    assistantId: row.assistantId,
    version: row.version,
    live: row.version === liveVersion,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
    publisher: (row.publishedBy && publishers.get(row.publishedBy)) || null,
  };
}

export function versionDetailOf(
  row: VersionRow,
  liveVersion: number | null,
  publishers: Publishers,
): VersionDetail {
  return { ...versionSummaryOf(row, liveVersion, publishers), definition: row.definition };
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
  const publishers = await publishersOf(
    executor,
    assistant.organizationId,
    rows.map((row) => row.publishedBy),
  );
  return rows.map((row) => versionSummaryOf(row, assistant.liveVersion, publishers));
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
