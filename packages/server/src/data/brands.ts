import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ilike, ne, sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { brands } from "../database/schema/index.ts";
import { ApiError, limitReached } from "../http/errors.ts";
import { isUuid } from "./identifiers.ts";
import { dataLimits } from "./limits.ts";
import { lockSubject } from "./locks.ts";
import { afterName, containsPattern, type Page, toPage } from "./pagination.ts";

export interface BrandView {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

function viewOf(row: typeof brands.$inferSelect): BrandView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const belongsTo = (organizationId: string, id: string) =>
  and(eq(brands.organizationId, organizationId), eq(brands.id, id));

/** Whether the organization has this brand; any other id, well-formed or not, is false. */
export async function brandExists(
  executor: Executor,
  organizationId: string,
  brandId: string,
): Promise<boolean> {
  if (!isUuid(brandId)) return false;
  const [row] = await executor
    .select({ id: brands.id })
    .from(brands)
    .where(belongsTo(organizationId, brandId))
    .limit(1);
  return row !== undefined;
}

export async function listBrands(
  executor: Executor,
  organizationId: string,
  query: { limit: number; cursor?: string | undefined; search?: string | undefined },
): Promise<Page<BrandView>> {
  const rows = await executor
    .select()
    .from(brands)
    .where(
      and(
        eq(brands.organizationId, organizationId),
        query.search ? ilike(brands.name, containsPattern(query.search)) : undefined,
        afterName(brands.name, brands.id, query.cursor),
      ),
    )
    .orderBy(asc(brands.name), asc(brands.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.name, row.id], viewOf);
}

export async function findBrand(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<BrandView | null> {
  const [row] = await executor.select().from(brands).where(belongsTo(organizationId, id)).limit(1);
  return row ? viewOf(row) : null;
}

async function checkNameFree(executor: Executor, organizationId: string, name: string, id?: string) {
  const [taken] = await executor
    .select({ id: brands.id })
    .from(brands)
    .where(
      and(
        eq(brands.organizationId, organizationId),
        sql`lower(${brands.name}) = lower(${name})`,
        id ? ne(brands.id, id) : undefined,
      ),
    )
    .limit(1);
  if (taken) {
    throw new ApiError(409, "brand_exists", `A brand named ${name} already exists.`, {
      problems: [{ in: "body", path: "/name", code: "unique", message: "is already a brand's name" }],
    });
  }
}

export async function createBrand(
  executor: Executor,
  organizationId: string,
  input: { name: string },
): Promise<BrandView> {
  await lockSubject(executor, organizationId, "brands");
  await checkNameFree(executor, organizationId, input.name);
  const [existing] = await executor
    .select({ total: count() })
    .from(brands)
    .where(eq(brands.organizationId, organizationId));
  if ((existing?.total ?? 0) >= dataLimits.brands) throw limitReached("brands", dataLimits.brands);
  const [row] = await executor
    .insert(brands)
    .values({ id: randomUUID(), organizationId, name: input.name })
    .returning();
  if (!row) throw new Error("the brand was not stored");
  return viewOf(row);
}

export async function replaceBrand(
  executor: Executor,
  organizationId: string,
  id: string,
  input: { name: string },
): Promise<BrandView | null> {
  // Renames take the same lock as creations, so two of them cannot both claim a free name.
  await lockSubject(executor, organizationId, "brands");
  if ((await findBrand(executor, organizationId, id)) === null) return null;
  await checkNameFree(executor, organizationId, input.name, id);
  const [row] = await executor
    .update(brands)
    .set({ name: input.name, updatedAt: new Date() })
    .where(belongsTo(organizationId, id))
    .returning();
  return row ? viewOf(row) : null;
}

export async function deleteBrand(executor: Executor, organizationId: string, id: string): Promise<boolean> {
  const rows = await executor
    .delete(brands)
    .where(belongsTo(organizationId, id))
    .returning({ id: brands.id });
  return rows.length > 0;
}
