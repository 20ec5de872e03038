import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ilike, ne, sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import type { brands } from "../database/schema/index.ts";
import { ApiError, limitReached } from "../http/errors.ts";
import { isUuid } from "./identifiers.ts";
import { lockSubject } from "./locks.ts";
import { afterName, containsPattern, type Page, toPage } from "./pagination.ts";

/** Brands and teams: named records of an organization, nothing more (yet). Their tables have the same columns. */
type NamedTable = typeof brands;

export interface NamedRecordView {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

function viewOf(row: NamedTable["$inferSelect"]): NamedRecordView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The store of one kind of named record: `noun` names it in messages and error codes, `plural` in
 * limits and locks. Names are unique per organization, ignoring case.
 */
export function namedRecordStore(table: NamedTable, noun: string, plural: string, limit: number) {
  const belongsTo = (organizationId: string, id: string) =>
    and(eq(table.organizationId, organizationId), eq(table.id, id));

  /** Whether the organization has this record; any other id, well-formed or not, is false. */
  async function exists(executor: Executor, organizationId: string, recordId: string): Promise<boolean> {
    if (!isUuid(recordId)) return false;
    const [row] = await executor
      .select({ id: table.id })
      .from(table)
      .where(belongsTo(organizationId, recordId))
      .limit(1);
    return row !== undefined;
  }

  async function list(
    executor: Executor,
    organizationId: string,
    query: { limit: number; cursor?: string | undefined; search?: string | undefined },
  ): Promise<Page<NamedRecordView>> {
    const rows = await executor
      .select()
      .from(table)
      .where(
        and(
          eq(table.organizationId, organizationId),
          query.search ? ilike(table.name, containsPattern(query.search)) : undefined,
          afterName(table.name, table.id, query.cursor),
        ),
      )
      .orderBy(asc(table.name), asc(table.id))
      .limit(query.limit + 1);
    return toPage(rows, query.limit, (row) => [row.name, row.id], viewOf);
  }

  async function find(
    executor: Executor,
    organizationId: string,
    id: string,
  ): Promise<NamedRecordView | null> {
    const [row] = await executor.select().from(table).where(belongsTo(organizationId, id)).limit(1);
    return row ? viewOf(row) : null;
  }

  async function checkNameFree(executor: Executor, organizationId: string, name: string, id?: string) {
    const [taken] = await executor
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq(table.organizationId, organizationId),
          sql`lower(${table.name}) = lower(${name})`,
          id ? ne(table.id, id) : undefined,
        ),
      )
      .limit(1);
    if (taken) {
      throw new ApiError(409, `${noun}_exists`, `A ${noun} named ${name} already exists.`, {
        problems: [{ in: "body", path: "/name", code: "unique", message: `is already a ${noun}'s name` }],
      });
    }
  }

  async function create(
    executor: Executor,
    organizationId: string,
    input: { name: string },
  ): Promise<NamedRecordView> {
    await lockSubject(executor, organizationId, plural);
    await checkNameFree(executor, organizationId, input.name);
    const [existing] = await executor
      .select({ total: count() })
      .from(table)
      .where(eq(table.organizationId, organizationId));
    if ((existing?.total ?? 0) >= limit) throw limitReached(plural, limit);
    const [row] = await executor
      .insert(table)
      .values({ id: randomUUID(), organizationId, name: input.name })
      .returning();
    if (!row) throw new Error(`the ${noun} was not stored`);
    return viewOf(row);
  }

  async function replace(
    executor: Executor,
    organizationId: string,
    id: string,
    input: { name: string },
  ): Promise<NamedRecordView | null> {
    // Renames take the same lock as creations, so two of them cannot both claim a free name.
    await lockSubject(executor, organizationId, plural);
    if ((await find(executor, organizationId, id)) === null) return null;
    await checkNameFree(executor, organizationId, input.name, id);
    const [row] = await executor
      .update(table)
      .set({ name: input.name, updatedAt: new Date() })
      .where(belongsTo(organizationId, id))
      .returning();
    return row ? viewOf(row) : null;
  }

  async function remove(executor: Executor, organizationId: string, id: string): Promise<boolean> {
    const rows = await executor
      .delete(table)
      .where(belongsTo(organizationId, id))
      .returning({ id: table.id });
    return rows.length > 0;
  }

  return { exists, list, find, create, replace, remove };
}
