import { sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";

/**
 * Serializes writes on one subject of one organization until the transaction ends: counting
 * rows before an insert (limits) and finding a record before creating it (upserts) are only
 * correct when no concurrent transaction does the same in between. Outside a transaction the
 * lock ends at once, so callers hold one.
 */
export async function lockSubject(
  executor: Executor,
  organizationId: string,
  subject: string,
): Promise<void> {
  await executor.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${organizationId}:${subject}`}, 0))`,
  );
}
