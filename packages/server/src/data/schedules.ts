import { randomUUID } from "node:crypto";
import type { BusinessScheduleDefinition } from "@parley/model";
import { and, asc, count, eq, ilike } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { businessSchedules } from "../database/schema/index.ts";
import { limitReached } from "../http/errors.ts";
import { dataLimits } from "./limits.ts";
import { lockSubject } from "./locks.ts";
import { afterName, containsPattern, type Page, toPage } from "./pagination.ts";

export type ScheduleInput = Omit<BusinessScheduleDefinition, "id">;

export interface ScheduleView extends BusinessScheduleDefinition {
  createdAt: string;
  updatedAt: string;
}

type ScheduleRow = typeof businessSchedules.$inferSelect;

export function definitionOfSchedule(row: ScheduleRow): BusinessScheduleDefinition {
  return { id: row.id, name: row.name, timeZone: row.timeZone, hours: row.hours, holidays: row.holidays };
}

function viewOf(row: ScheduleRow): ScheduleView {
  return {
    ...definitionOfSchedule(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const belongsTo = (organizationId: string, id: string) =>
  and(eq(businessSchedules.organizationId, organizationId), eq(businessSchedules.id, id));

export async function allSchedules(executor: Executor, organizationId: string): Promise<ScheduleRow[]> {
  return executor
    .select()
    .from(businessSchedules)
    .where(eq(businessSchedules.organizationId, organizationId))
    .orderBy(asc(businessSchedules.name), asc(businessSchedules.id));
}

export async function listSchedules(
  executor: Executor,
  organizationId: string,
  query: { limit: number; cursor?: string | undefined; search?: string | undefined },
): Promise<Page<ScheduleView>> {
  const rows = await executor
    .select()
    .from(businessSchedules)
    .where(
      and(
        eq(businessSchedules.organizationId, organizationId),
        query.search ? ilike(businessSchedules.name, containsPattern(query.search)) : undefined,
        afterName(businessSchedules.name, businessSchedules.id, query.cursor),
      ),
    )
    .orderBy(asc(businessSchedules.name), asc(businessSchedules.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.name, row.id], viewOf);
}

export async function findSchedule(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<ScheduleView | null> {
  const [row] = await executor.select().from(businessSchedules).where(belongsTo(organizationId, id)).limit(1);
  return row ? viewOf(row) : null;
}

export async function createSchedule(
  executor: Executor,
  organizationId: string,
  input: ScheduleInput,
): Promise<ScheduleView> {
  await lockSubject(executor, organizationId, "business_schedules");
  const [existing] = await executor
    .select({ total: count() })
    .from(businessSchedules)
    .where(eq(businessSchedules.organizationId, organizationId));
  if ((existing?.total ?? 0) >= dataLimits.businessSchedules) {
    throw limitReached("business schedules", dataLimits.businessSchedules);
  }
  const [row] = await executor
    .insert(businessSchedules)
    .values({ id: randomUUID(), organizationId, ...input })
    .returning();
  if (!row) throw new Error("the business schedule was not stored");
  return viewOf(row);
}

export async function replaceSchedule(
  executor: Executor,
  organizationId: string,
  id: string,
  input: ScheduleInput,
): Promise<ScheduleView | null> {
  const [row] = await executor
    .update(businessSchedules)
    .set({ ...input, updatedAt: new Date() })
    .where(belongsTo(organizationId, id))
    .returning();
  return row ? viewOf(row) : null;
}

export async function deleteSchedule(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const rows = await executor
    .delete(businessSchedules)
    .where(belongsTo(organizationId, id))
    .returning({ id: businessSchedules.id });
  return rows.length > 0;
}
