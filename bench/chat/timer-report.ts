/**
 * What became of the benchmark's reminder timers, read from the tables the real
 * worker wrote: the job (its due time, state and retries) and the reminder turn it
 * caused (the turn's `timer` activity, stamped with the time the turn ran).
 */
import type { Database } from "../../packages/server/src/database/connection.ts";
import { queueNames } from "../../packages/server/src/jobs/job-queue.ts";
import { rowsOf, sql } from "./sql.ts";
import { seededJobsTable } from "./timer-seeding.ts";

export interface TimerOutcome {
  jobs: number;
  /** Jobs stored after the time they were due: the test could not judge those fairly. */
  storedLate: number;
  /** Conversations whose reminder turn ran. */
  fired: number;
  /** Conversations whose reminder turn ran more than once (must be 0). */
  firedTwice: number;
  /** Jobs pg-boss handed out more than once (a failed or expired attempt). */
  retried: number;
  /** Milliseconds from due time to the reminder turn, one per fired timer. */
  lateness: number[];
  /** Epoch milliseconds of the last reminder turn; 0 when none ran. */
  lastFiredAt: number;
}

/** Reminder turns run so far: cheap enough to ask every few seconds. */
export async function firedCount(database: Database): Promise<number> {
  const result = await database.execute(
    sql`SELECT count(*)::int AS fired FROM conversation_activity WHERE kind = 'timer'`,
  );
  return rowsOf<{ fired: number }>(result)[0]?.fired ?? 0;
}

interface OutcomeRow {
  lateness: number | null;
  fired_at: number | null;
  times: number;
  retry_count: number;
  stored_late: boolean;
}

export async function timerOutcome(database: Database): Promise<TimerOutcome> {
  const result = await database.execute(sql`
    SELECT
      (extract(epoch FROM fired.first - job.start_after) * 1000)::float8 AS lateness,
      (extract(epoch FROM fired.first) * 1000)::float8 AS fired_at,
      coalesce(fired.times, 0)::int AS times,
      job.retry_count,
      job.created_on > job.start_after AS stored_late
    FROM pgboss.job AS job
    LEFT JOIN (
      SELECT conversation_id, count(*) AS times, min(created_at) AS first
      FROM conversation_activity WHERE kind = 'timer' GROUP BY conversation_id
    ) AS fired ON fired.conversation_id = (job.data ->> 'conversationId')::uuid
    WHERE job.name = ${queueNames.conversationTimer}
      AND job.id IN (SELECT id FROM ${sql.raw(seededJobsTable)})`);
  const rows = rowsOf<OutcomeRow>(result);
  const lateness: number[] = [];
  let lastFiredAt = 0;
  for (const row of rows) {
    if (row.times === 0 || row.lateness === null) continue;
    lateness.push(row.lateness);
    lastFiredAt = Math.max(lastFiredAt, row.fired_at ?? 0);
  }
  return {
    jobs: rows.length,
    storedLate: rows.filter((row) => row.stored_late).length,
    fired: lateness.length,
    firedTwice: rows.filter((row) => row.times > 1).length,
    retried: rows.filter((row) => row.retry_count > 0).length,
    lateness,
    lastFiredAt,
  };
}
