import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ilike, ne } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { snippets } from "../database/schema/index.ts";
import { ApiError, limitReached } from "../http/errors.ts";
import { dataLimits } from "./limits.ts";
import { lockSubject } from "./locks.ts";
import { afterName, containsPattern, type Page, toPage } from "./pagination.ts";

export interface SnippetInput {
  name: string;
  /** Text by language tag. */
  values: Record<string, string>;
}

export interface SnippetView extends SnippetInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

type SnippetRow = typeof snippets.$inferSelect;

function viewOf(row: SnippetRow): SnippetView {
  return {
    id: row.id,
    name: row.name,
    values: row.values,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const belongsTo = (organizationId: string, id: string) =>
  and(eq(snippets.organizationId, organizationId), eq(snippets.id, id));

export async function allSnippets(
  executor: Executor,
  organizationId: string,
): Promise<Array<{ name: string; values: Record<string, string> }>> {
  return executor
    .select({ name: snippets.name, values: snippets.values })
    .from(snippets)
    .where(eq(snippets.organizationId, organizationId))
    .orderBy(asc(snippets.name));
}

export async function listSnippets(
  executor: Executor,
  organizationId: string,
  query: { limit: number; cursor?: string | undefined; search?: string | undefined },
): Promise<Page<SnippetView>> {
  const rows = await executor
    .select()
    .from(snippets)
    .where(
      and(
        eq(snippets.organizationId, organizationId),
        query.search ? ilike(snippets.name, containsPattern(query.search)) : undefined,
        afterName(snippets.name, snippets.id, query.cursor),
      ),
    )
    .orderBy(asc(snippets.name), asc(snippets.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.name, row.id], viewOf);
}

export async function findSnippet(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<SnippetView | null> {
  const [row] = await executor.select().from(snippets).where(belongsTo(organizationId, id)).limit(1);
  return row ? viewOf(row) : null;
}

async function checkNameFree(executor: Executor, organizationId: string, name: string, id?: string) {
  const [taken] = await executor
    .select({ id: snippets.id })
    .from(snippets)
    .where(
      and(
        eq(snippets.organizationId, organizationId),
        eq(snippets.name, name),
        id ? ne(snippets.id, id) : undefined,
      ),
    )
    .limit(1);
  if (taken) {
    throw new ApiError(409, "snippet_exists", `A snippet named ${name} already exists.`, {
      problems: [{ in: "body", path: "/name", code: "unique", message: "is already a snippet's name" }],
    });
  }
}

export async function createSnippet(
  executor: Executor,
  organizationId: string,
  input: SnippetInput,
): Promise<SnippetView> {
  await lockSubject(executor, organizationId, "snippets");
  await checkNameFree(executor, organizationId, input.name);
  const [existing] = await executor
    .select({ total: count() })
    .from(snippets)
    .where(eq(snippets.organizationId, organizationId));
  if ((existing?.total ?? 0) >= dataLimits.snippets) throw limitReached("snippets", dataLimits.snippets);
  const [row] = await executor
    .insert(snippets)
    .values({ id: randomUUID(), organizationId, ...input })
    .returning();
  if (!row) throw new Error("the snippet was not stored");
  return viewOf(row);
}

export async function replaceSnippet(
  executor: Executor,
  organizationId: string,
  id: string,
  input: SnippetInput,
): Promise<SnippetView | null> {
  // Renames take the same lock as creations, so two of them cannot both claim a free name.
  await lockSubject(executor, organizationId, "snippets");
  if ((await findSnippet(executor, organizationId, id)) === null) return null;
  await checkNameFree(executor, organizationId, input.name, id);
  const [row] = await executor
    .update(snippets)
    .set({ ...input, updatedAt: new Date() })
    .where(belongsTo(organizationId, id))
    .returning();
  return row ? viewOf(row) : null;
}

export async function deleteSnippet(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const rows = await executor
    .delete(snippets)
    .where(belongsTo(organizationId, id))
    .returning({ id: snippets.id });
  return rows.length > 0;
}
