import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ilike, ne, sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { teams } from "../database/schema/index.ts";
import { ApiError, limitReached } from "../http/errors.ts";
import { isUuid } from "./identifiers.ts";
import { dataLimits } from "./limits.ts";
import { lockSubject } from "./locks.ts";
import { afterName, containsPattern, type Page, toPage } from "./pagination.ts";

export interface TeamView {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

function viewOf(row: typeof teams.$inferSelect): TeamView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const belongsTo = (organizationId: string, id: string) =>
  and(eq(teams.organizationId, organizationId), eq(teams.id, id));

/** Whether the organization has this team; any other id, well-formed or not, is false. */
export async function teamExists(
  executor: Executor,
  organizationId: string,
  teamId: string,
): Promise<boolean> {
  if (!isUuid(teamId)) return false;
  const [row] = await executor
    .select({ id: teams.id })
    .from(teams)
    .where(belongsTo(organizationId, teamId))
    .limit(1);
  return row !== undefined;
}

export async function listTeams(
  executor: Executor,
  organizationId: string,
  query: { limit: number; cursor?: string | undefined; search?: string | undefined },
): Promise<Page<TeamView>> {
  const rows = await executor
    .select()
    .from(teams)
    .where(
      and(
        eq(teams.organizationId, organizationId),
        query.search ? ilike(teams.name, containsPattern(query.search)) : undefined,
        afterName(teams.name, teams.id, query.cursor),
      ),
    )
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.name, row.id], viewOf);
}

export async function findTeam(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<TeamView | null> {
  const [row] = await executor.select().from(teams).where(belongsTo(organizationId, id)).limit(1);
  return row ? viewOf(row) : null;
}

async function checkNameFree(executor: Executor, organizationId: string, name: string, id?: string) {
  const [taken] = await executor
    .select({ id: teams.id })
    .from(teams)
    .where(
      and(
        eq(teams.organizationId, organizationId),
        sql`lower(${teams.name}) = lower(${name})`,
        id ? ne(teams.id, id) : undefined,
      ),
    )
    .limit(1);
  if (taken) {
    throw new ApiError(409, "team_exists", `A team named ${name} already exists.`, {
      problems: [{ in: "body", path: "/name", code: "unique", message: "is already a team's name" }],
    });
  }
}

export async function createTeam(
  executor: Executor,
  organizationId: string,
  input: { name: string },
): Promise<TeamView> {
  await lockSubject(executor, organizationId, "teams");
  await checkNameFree(executor, organizationId, input.name);
  const [existing] = await executor
    .select({ total: count() })
    .from(teams)
    .where(eq(teams.organizationId, organizationId));
  if ((existing?.total ?? 0) >= dataLimits.teams) throw limitReached("teams", dataLimits.teams);
  const [row] = await executor
    .insert(teams)
    .values({ id: randomUUID(), organizationId, name: input.name })
    .returning();
  if (!row) throw new Error("the team was not stored");
  return viewOf(row);
}

export async function replaceTeam(
  executor: Executor,
  organizationId: string,
  id: string,
  input: { name: string },
): Promise<TeamView | null> {
  // Renames take the same lock as creations, so two of them cannot both claim a free name.
  await lockSubject(executor, organizationId, "teams");
  if ((await findTeam(executor, organizationId, id)) === null) return null;
  await checkNameFree(executor, organizationId, input.name, id);
  const [row] = await executor
    .update(teams)
    .set({ name: input.name, updatedAt: new Date() })
    .where(belongsTo(organizationId, id))
    .returning();
  return row ? viewOf(row) : null;
}

export async function deleteTeam(executor: Executor, organizationId: string, id: string): Promise<boolean> {
  const rows = await executor.delete(teams).where(belongsTo(organizationId, id)).returning({ id: teams.id });
  return rows.length > 0;
}
