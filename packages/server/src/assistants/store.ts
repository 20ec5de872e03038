import type { Assistant } from "@parley/model";
import { and, eq, ilike, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { assistants } from "../database/schema/index.ts";
import { notFound } from "../http/errors.ts";
import type { AssistantListQuery } from "./list-query.ts";
import type { AssistantRow } from "./representation.ts";

/** The row's copies of the draft's fields, so lists and searches never read the definition. */
function columnsOf(definition: Assistant) {
  return {
    internalName: definition.internalName,
    description: definition.description,
    publicName: definition.publicName,
    channel: definition.channel,
    type: definition.type,
  };
}

/** Stores a new assistant whose definition already carries its ids (see identity.ts). */
export async function insertAssistant(
  executor: Executor,
  organizationId: string,
  definition: Assistant,
): Promise<AssistantRow> {
  const [row] = await executor
    .insert(assistants)
    .values({
      id: definition.id,
      organizationId,
      publicId: definition.publicId,
      ...columnsOf(definition),
      draft: definition,
      draftRevision: 1,
    })
    .returning();
  if (!row) throw new Error("the assistant was not stored");
  return row;
}

export async function findAssistant(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<AssistantRow> {
  const [row] = await executor
    .select()
    .from(assistants)
    .where(and(eq(assistants.id, id), eq(assistants.organizationId, organizationId)))
    .limit(1);
  if (!row) throw notFound("Assistant", id);
  return row;
}

/**
 * Reads an assistant and holds its row until the transaction ends, so two
 * writes to one assistant (a save and a publish, two publishes) take turns
 * instead of both reading the same revision or version number.
 */
export async function lockAssistant(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<AssistantRow> {
  const [row] = await executor
    .select()
    .from(assistants)
    .where(and(eq(assistants.id, id), eq(assistants.organizationId, organizationId)))
    .limit(1)
    .for("update");
  if (!row) throw notFound("Assistant", id);
  return row;
}

export async function findAssistantByPublicId(
  executor: Executor,
  organizationId: string,
  publicId: string,
): Promise<AssistantRow | null> {
  const [row] = await executor
    .select()
    .from(assistants)
    .where(and(eq(assistants.publicId, publicId), eq(assistants.organizationId, organizationId)))
    .limit(1);
  return row ?? null;
}

function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** One page of the organization's assistants, by name (case-insensitive) then id. */
export async function listAssistants(
  executor: Executor,
  organizationId: string,
  query: AssistantListQuery,
): Promise<{ rows: AssistantRow[]; more: boolean }> {
  const conditions: (SQL | undefined)[] = [eq(assistants.organizationId, organizationId)];
  if (query.search) {
    const pattern = `%${escapeLikePattern(query.search)}%`;
    conditions.push(or(ilike(assistants.internalName, pattern), ilike(assistants.publicName, pattern)));
  }
  if (query.status === "draft") conditions.push(isNull(assistants.liveVersion));
  if (query.status === "active") conditions.push(isNotNull(assistants.liveVersion));
  if (query.channel) conditions.push(eq(assistants.channel, query.channel));
  if (query.type) conditions.push(eq(assistants.type, query.type));
  if (query.after) {
    conditions.push(
      sql`(lower(${assistants.internalName}), ${assistants.id}) > (lower(${query.after.internalName}), ${query.after.id}::uuid)`,
    );
  }
  const rows = await executor
    .select()
    .from(assistants)
    .where(and(...conditions))
    .orderBy(sql`lower(${assistants.internalName})`, assistants.id)
    .limit(query.limit + 1);
  return { rows: rows.slice(0, query.limit), more: rows.length > query.limit };
}

/** Replaces the draft and moves its revision on; the caller holds the row (lockAssistant). */
export async function replaceDraft(
  executor: Executor,
  row: AssistantRow,
  definition: Assistant,
): Promise<AssistantRow> {
  const [updated] = await executor
    .update(assistants)
    .set({
      ...columnsOf(definition),
      draft: definition,
      draftRevision: sql`${assistants.draftRevision} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(assistants.id, row.id))
    .returning();
  if (!updated) throw notFound("Assistant", row.id);
  return updated;
}

/** Makes a version live, or none (null): the assistant is then a draft again. */
export async function setLiveVersion(
  executor: Executor,
  row: AssistantRow,
  version: number | null,
): Promise<AssistantRow> {
  const [updated] = await executor
    .update(assistants)
    .set({ liveVersion: version, updatedAt: new Date() })
    .where(eq(assistants.id, row.id))
    .returning();
  if (!updated) throw notFound("Assistant", row.id);
  return updated;
}

/** Deletes an assistant and, through the foreign key, its versions. */
export async function deleteAssistant(executor: Executor, organizationId: string, id: string): Promise<void> {
  const rows = await executor
    .delete(assistants)
    .where(and(eq(assistants.id, id), eq(assistants.organizationId, organizationId)))
    .returning({ id: assistants.id });
  if (rows.length === 0) throw notFound("Assistant", id);
}

/** Takes every live Premium assistant of the organization offline; returns how many there were. */
export async function unpublishPremiumAssistants(
  executor: Executor,
  organizationId: string,
): Promise<number> {
  const rows = await executor
    .update(assistants)
    .set({ liveVersion: null, updatedAt: new Date() })
    .where(
      and(
        eq(assistants.organizationId, organizationId),
        eq(assistants.type, "premium"),
        isNotNull(assistants.liveVersion),
      ),
    )
    .returning({ id: assistants.id });
  return rows.length;
}
