import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ilike, inArray, ne, sql } from "drizzle-orm";
import { brandExists } from "../data/brands.ts";
import { isUuid } from "../data/identifiers.ts";
import { lockSubject } from "../data/locks.ts";
import { afterName, containsPattern, type Page, toPage } from "../data/pagination.ts";
import { withUniqueFields } from "../data/unique-violation.ts";
import { valueTaken } from "../data/value-taken.ts";
import type { Executor } from "../database/connection.ts";
import { knowledgeBaseArticles, knowledgeBases } from "../database/schema/index.ts";
import { ApiError, limitReached, notFound } from "../http/errors.ts";
import type {
  ArticleCounts,
  KnowledgeBase,
  KnowledgeBaseInput,
  KnowledgeBasePatch,
  KnowledgeBaseUser,
} from "./knowledge-base-schemas.ts";
import { assistantsUsingKnowledgeBases } from "./knowledge-base-usage.ts";
import { knowledgeLimits } from "./knowledge-limits.ts";

export type KnowledgeBaseRow = typeof knowledgeBases.$inferSelect;

const belongsTo = (organizationId: string, id: string) =>
  and(eq(knowledgeBases.organizationId, organizationId), eq(knowledgeBases.id, id));

const noArticles: ArticleCounts = { total: 0, published: 0, draft: 0, publishedPublic: 0 };

function toKnowledgeBase(
  row: KnowledgeBaseRow,
  articleCounts: ArticleCounts,
  usedBy: KnowledgeBaseUser[],
): KnowledgeBase {
  return {
    id: row.id,
    brandId: row.brandId,
    name: row.name,
    defaultLanguage: row.defaultLanguage,
    publicUrl: row.publicUrl,
    revision: row.revision,
    articleCounts,
    usedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function articleCountsOf(
  executor: Executor,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, ArticleCounts>> {
  if (ids.length === 0) return new Map();
  const published = sql`${knowledgeBaseArticles.status} = 'published'`;
  const rows = await executor
    .select({
      id: knowledgeBaseArticles.knowledgeBaseId,
      total: count(),
      published: count(sql`CASE WHEN ${published} THEN 1 END`),
      publishedPublic: count(
        sql`CASE WHEN ${published} AND ${knowledgeBaseArticles.visibility} = 'public' THEN 1 END`,
      ),
    })
    .from(knowledgeBaseArticles)
    .where(
      and(
        eq(knowledgeBaseArticles.organizationId, organizationId),
        inArray(knowledgeBaseArticles.knowledgeBaseId, [...ids]),
      ),
    )
    .groupBy(knowledgeBaseArticles.knowledgeBaseId);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        total: row.total,
        published: row.published,
        draft: row.total - row.published,
        publishedPublic: row.publishedPublic,
      },
    ]),
  );
}

/** The rows as the API shows them, with their article counts and the assistants using them. */
async function viewsOf(
  executor: Executor,
  organizationId: string,
  rows: readonly KnowledgeBaseRow[],
): Promise<KnowledgeBase[]> {
  const counts = await articleCountsOf(
    executor,
    organizationId,
    rows.map((row) => row.id),
  );
  const users =
    rows.length === 1 && rows[0]
      ? await assistantsUsingKnowledgeBases(executor, organizationId, rows[0].id)
      : await assistantsUsingKnowledgeBases(executor, organizationId);
  return rows.map((row) => toKnowledgeBase(row, counts.get(row.id) ?? noArticles, users.get(row.id) ?? []));
}

async function viewOf(executor: Executor, organizationId: string, row: KnowledgeBaseRow) {
  const [view] = await viewsOf(executor, organizationId, [row]);
  if (!view) throw new Error("the knowledge base has no view");
  return view;
}

export async function listKnowledgeBases(
  executor: Executor,
  organizationId: string,
  query: {
    limit: number;
    cursor?: string | undefined;
    search?: string | undefined;
    brandId?: string | undefined;
  },
): Promise<Page<KnowledgeBase>> {
  const rows = await executor
    .select()
    .from(knowledgeBases)
    .where(
      and(
        eq(knowledgeBases.organizationId, organizationId),
        query.search ? ilike(knowledgeBases.name, containsPattern(query.search)) : undefined,
        query.brandId ? eq(knowledgeBases.brandId, query.brandId) : undefined,
        afterName(knowledgeBases.name, knowledgeBases.id, query.cursor),
      ),
    )
    .orderBy(asc(knowledgeBases.name), asc(knowledgeBases.id))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (row) => [row.name, row.id],
    (row) => row,
  );
  return { data: await viewsOf(executor, organizationId, page.data), nextCursor: page.nextCursor };
}

/** The organization's knowledge base; null for any other id, well-formed or not. */
export async function findKnowledgeBaseRow(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<KnowledgeBaseRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await executor.select().from(knowledgeBases).where(belongsTo(organizationId, id)).limit(1);
  return row ?? null;
}

export async function findKnowledgeBase(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<KnowledgeBase | null> {
  const row = await findKnowledgeBaseRow(executor, organizationId, id);
  return row ? viewOf(executor, organizationId, row) : null;
}

/**
 * The knowledge base, locked until the transaction ends: article writes take this lock first, so
 * counting articles against the limit and finding free slugs cannot interleave with another write
 * to the same knowledge base. Null when the organization has no such knowledge base.
 */
async function lockedKnowledgeBaseRow(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<KnowledgeBaseRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await executor
    .select()
    .from(knowledgeBases)
    .where(belongsTo(organizationId, id))
    .limit(1)
    .for("update");
  return row ?? null;
}

/** The knowledge base, locked as lockedKnowledgeBaseRow does; 404 when there is none. */
export async function lockKnowledgeBase(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<KnowledgeBaseRow> {
  const row = await lockedKnowledgeBaseRow(executor, organizationId, id);
  if (!row) throw notFound("Knowledge base", id);
  return row;
}

/** Tells the caches of every process that the knowledge base or its articles changed. */
export async function bumpKnowledgeBaseRevision(executor: Executor, id: string): Promise<void> {
  await executor
    .update(knowledgeBases)
    .set({ revision: sql`${knowledgeBases.revision} + 1` })
    .where(eq(knowledgeBases.id, id));
}

async function checkBrand(executor: Executor, organizationId: string, brandId: string): Promise<void> {
  if (await brandExists(executor, organizationId, brandId)) return;
  throw new ApiError(422, "unknown_brand", `The organization has no brand ${brandId}.`, {
    problems: [
      { in: "body", path: "/brandId", code: "unknown_brand", message: "is not a brand of this organization" },
    ],
  });
}

async function checkNameFree(executor: Executor, organizationId: string, name: string, id?: string) {
  const [taken] = await executor
    .select({ id: knowledgeBases.id })
    .from(knowledgeBases)
    .where(
      and(
        eq(knowledgeBases.organizationId, organizationId),
        sql`lower(${knowledgeBases.name}) = lower(${name})`,
        id ? ne(knowledgeBases.id, id) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw valueTaken("knowledge base", "name", name);
}

const uniqueFields = { knowledge_bases_name: "name" };

export async function createKnowledgeBase(
  executor: Executor,
  organizationId: string,
  input: KnowledgeBaseInput,
): Promise<KnowledgeBase> {
  // Counting and checking the name must not interleave with another creation.
  await lockSubject(executor, organizationId, "knowledge-bases");
  await checkBrand(executor, organizationId, input.brandId);
  await checkNameFree(executor, organizationId, input.name);
  const [existing] = await executor
    .select({ total: count() })
    .from(knowledgeBases)
    .where(eq(knowledgeBases.organizationId, organizationId));
  const limit = knowledgeLimits.knowledgeBasesPerOrganization;
  if ((existing?.total ?? 0) >= limit) throw limitReached("knowledge bases", limit);
  const [row] = await withUniqueFields("knowledge base", uniqueFields, () =>
    executor
      .insert(knowledgeBases)
      .values({
        id: randomUUID(),
        organizationId,
        brandId: input.brandId,
        name: input.name,
        defaultLanguage: input.defaultLanguage,
        publicUrl: input.publicUrl,
      })
      .returning(),
  );
  if (!row) throw new Error("the knowledge base was not stored");
  return viewOf(executor, organizationId, row);
}

/** Changes the fields given; null when the organization has no such knowledge base. */
export async function updateKnowledgeBase(
  executor: Executor,
  organizationId: string,
  id: string,
  patch: KnowledgeBasePatch,
): Promise<KnowledgeBase | null> {
  // Renames take the same lock as creations, so two of them cannot both claim a free name.
  await lockSubject(executor, organizationId, "knowledge-bases");
  if (!(await findKnowledgeBaseRow(executor, organizationId, id))) return null;
  if (patch.brandId !== undefined) await checkBrand(executor, organizationId, patch.brandId);
  if (patch.name !== undefined) await checkNameFree(executor, organizationId, patch.name, id);
  const [row] = await withUniqueFields("knowledge base", uniqueFields, () =>
    executor
      .update(knowledgeBases)
      .set({
        ...(patch.brandId !== undefined ? { brandId: patch.brandId } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.defaultLanguage !== undefined ? { defaultLanguage: patch.defaultLanguage } : {}),
        ...(patch.publicUrl !== undefined ? { publicUrl: patch.publicUrl } : {}),
        // Links and the default language are what caches hold too.
        revision: sql`${knowledgeBases.revision} + 1`,
        updatedAt: new Date(),
      })
      .where(belongsTo(organizationId, id))
      .returning(),
  );
  return row ? viewOf(executor, organizationId, row) : null;
}

/**
 * Deletes a knowledge base with its articles; false when there is none. Refused (409, listing
 * them) while a live assistant version searches it: customers would get no articles and no
 * answers. Drafts that use it do not stop the deletion (publishing them is what would fail).
 */
export async function deleteKnowledgeBase(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<boolean> {
  if (!(await lockedKnowledgeBaseRow(executor, organizationId, id))) return false;
  const users = (await assistantsUsingKnowledgeBases(executor, organizationId, id)).get(id) ?? [];
  const live = users.filter((user) => user.live);
  if (live.length > 0) {
    const names = live.map((user) => user.internalName).join(", ");
    throw new ApiError(
      409,
      "knowledge_base_in_use",
      `The knowledge base cannot be deleted: the live version of ${live.length} assistant(s) uses it (${names}). Publish them without it, or take them offline, first.`,
      { extra: { assistants: live } },
    );
  }
  await executor.delete(knowledgeBases).where(belongsTo(organizationId, id));
  return true;
}
