import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { isUuid } from "../data/identifiers.ts";
import { lockSubject } from "../data/locks.ts";
import { withUniqueFields } from "../data/unique-violation.ts";
import { valueTaken } from "../data/value-taken.ts";
import type { Executor } from "../database/connection.ts";
import { aiProfiles, aiSettings } from "../database/schema/index.ts";
import { ApiError, limitReached } from "../http/errors.ts";
import {
  type AiProfile,
  type AiProfileInput,
  type AiProfileUser,
  aiProfileLimits,
} from "./ai-profile-schemas.ts";
import { assistantsUsingAiProfiles } from "./ai-profile-usage.ts";

export type AiProfileRow = typeof aiProfiles.$inferSelect;

const uniqueFields = { ai_profiles_name: "name" };

/**
 * Serializes the writes of an organization's AI settings and profiles until the transaction ends:
 * a profile being deleted cannot become the default in between, nor a name be taken twice.
 */
export function lockAiSettings(executor: Executor, organizationId: string): Promise<void> {
  return lockSubject(executor, organizationId, "ai-settings");
}

const belongsTo = (organizationId: string, id: string) =>
  and(eq(aiProfiles.organizationId, organizationId), eq(aiProfiles.id, id));

/** The profile, or null when the organization has none with this id (or the id is not one at all). */
export async function findAiProfileRow(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<AiProfileRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await executor.select().from(aiProfiles).where(belongsTo(organizationId, id)).limit(1);
  return row ?? null;
}

async function defaultProfileId(executor: Executor, organizationId: string): Promise<string | null> {
  const [row] = await executor
    .select({ id: aiSettings.defaultProfileId })
    .from(aiSettings)
    .where(eq(aiSettings.organizationId, organizationId));
  return row?.id ?? null;
}

function toAiProfile(row: AiProfileRow, usedBy: AiProfileUser[], defaultId: string | null): AiProfile {
  return {
    id: row.id,
    name: row.name,
    instructions: row.instructions,
    isDefault: row.id === defaultId,
    usedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function viewOf(executor: Executor, organizationId: string, row: AiProfileRow): Promise<AiProfile> {
  const users = await assistantsUsingAiProfiles(executor, organizationId, row.id);
  return toAiProfile(row, users.get(row.id) ?? [], await defaultProfileId(executor, organizationId));
}

/** Every profile of the organization, by name: at most 100, so no pages. */
export async function listAiProfiles(executor: Executor, organizationId: string): Promise<AiProfile[]> {
  const rows = await executor
    .select()
    .from(aiProfiles)
    .where(eq(aiProfiles.organizationId, organizationId))
    .orderBy(asc(sql`lower(${aiProfiles.name})`), asc(aiProfiles.id));
  const users = await assistantsUsingAiProfiles(executor, organizationId);
  const defaultId = await defaultProfileId(executor, organizationId);
  return rows.map((row) => toAiProfile(row, users.get(row.id) ?? [], defaultId));
}

export async function getAiProfile(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<AiProfile | null> {
  const row = await findAiProfileRow(executor, organizationId, id);
  return row ? viewOf(executor, organizationId, row) : null;
}

async function checkNameFree(executor: Executor, organizationId: string, name: string, id?: string) {
  const [taken] = await executor
    .select({ id: aiProfiles.id })
    .from(aiProfiles)
    .where(
      and(
        eq(aiProfiles.organizationId, organizationId),
        sql`lower(${aiProfiles.name}) = lower(${name})`,
        ...(id === undefined ? [] : [ne(aiProfiles.id, id)]),
      ),
    )
    .limit(1);
  if (taken) throw valueTaken("AI profile", "name", name);
}

export async function createAiProfile(
  executor: Executor,
  organizationId: string,
  input: AiProfileInput,
): Promise<AiProfile> {
  await lockAiSettings(executor, organizationId);
  const [existing] = await executor
    .select({ total: count() })
    .from(aiProfiles)
    .where(eq(aiProfiles.organizationId, organizationId));
  if ((existing?.total ?? 0) >= aiProfileLimits.profiles) {
    throw limitReached("AI profiles", aiProfileLimits.profiles);
  }
  await checkNameFree(executor, organizationId, input.name);
  const [row] = await withUniqueFields("AI profile", uniqueFields, () =>
    executor
      .insert(aiProfiles)
      .values({ id: randomUUID(), organizationId, name: input.name, instructions: input.instructions })
      .returning(),
  );
  if (!row) throw new Error("the AI profile was not stored");
  return viewOf(executor, organizationId, row);
}

/** Replaces a profile's name and instructions; null when there is none. */
export async function replaceAiProfile(
  executor: Executor,
  organizationId: string,
  id: string,
  input: AiProfileInput,
): Promise<AiProfile | null> {
  await lockAiSettings(executor, organizationId);
  if (!(await findAiProfileRow(executor, organizationId, id))) return null;
  await checkNameFree(executor, organizationId, input.name, id);
  const [row] = await withUniqueFields("AI profile", uniqueFields, () =>
    executor
      .update(aiProfiles)
      .set({ name: input.name, instructions: input.instructions, updatedAt: new Date() })
      .where(belongsTo(organizationId, id))
      .returning(),
  );
  return row ? viewOf(executor, organizationId, row) : null;
}

/**
 * Deletes a profile; false when there is none. Refused (409, listing them) while the live version
 * of an assistant names it or it is the organization's default: their answers would fail and go
 * to agents. Drafts that name it do not stop the deletion.
 */
export async function deleteAiProfile(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<boolean> {
  await lockAiSettings(executor, organizationId);
  const row = await findAiProfileRow(executor, organizationId, id);
  if (!row) return false;
  const users = (await assistantsUsingAiProfiles(executor, organizationId, id)).get(id) ?? [];
  const live = users.filter((user) => user.live);
  const isDefault = (await defaultProfileId(executor, organizationId)) === id;
  if (live.length > 0 || isDefault) {
    const reasons = [
      ...(isDefault
        ? ["it is the organization's default profile (defaultProfileId of the AI settings)"]
        : []),
      ...(live.length > 0
        ? [
            `the live version of ${live.length} assistant(s) uses it (${live.map((user) => user.internalName).join(", ")})`,
          ]
        : []),
    ];
    throw new ApiError(
      409,
      "ai_profile_in_use",
      `The AI profile ${row.name} cannot be deleted: ${reasons.join("; ")}. Choose another profile there first.`,
      { extra: { assistants: live, organizationDefault: isDefault } },
    );
  }
  await executor.delete(aiProfiles).where(belongsTo(organizationId, id));
  return true;
}
