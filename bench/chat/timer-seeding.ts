/**
 * Sets up the timer test inside the server process: many conversations that wait on
 * the name question, each with one pending reminder job on the real queue, so the
 * server's own timer worker runs real reminder turns when they fall due.
 *
 * Starting 100,000 conversations through the API would take longer than the test
 * itself, so one conversation is started through the API and copied in SQL; each
 * copy gets its own reminder timer id in the engine state and its own pending timer
 * in `timer_jobs` (timer id, due time, job id), exactly what a turn that scheduled the
 * reminder leaves behind. The jobs are sent with the options pending-timers.ts uses
 * (`startAfter`, `singletonKey` `${conversationId}:reminder`), in bulk with `insert`.
 */

import type { PgBoss } from "pg-boss";
import type { TimerJobData } from "../../packages/server/src/conversations/pending-timers.ts";
import type { Database } from "../../packages/server/src/database/connection.ts";
import { queueNames } from "../../packages/server/src/jobs/job-queue.ts";
import { rowsOf, sql } from "./sql.ts";

export const benchmarkTimerPrefix = "benchmark-reminder-";
/** The seeded jobs, by id, for the report: the jobs themselves say nothing of the benchmark. */
export const seededJobsTable = "benchmark_timer_jobs";
const jobsPerInsert = 2000;

export interface TimerPlan {
  count: number;
  /** The first timer falls due this long after the conversations begin to be stored. */
  leadMilliseconds: number;
  /** Due times are spread evenly over this window. */
  windowMilliseconds: number;
}

export interface SeededTimers {
  conversationsMilliseconds: number;
  jobsMilliseconds: number;
  firstDueAt: number;
  lastDueAt: number;
}

interface CopiedConversation {
  id: string;
  organization_id: string;
  timer_id: string;
  job_id: string;
  due_at: string;
}

async function copyConversation(
  database: Database,
  templateId: string,
  count: number,
  firstDueAt: number,
  spacing: number,
) {
  const result = await database.execute(sql`
    INSERT INTO conversations (
      id, organization_id, brand_id, channel, assistant_id, assistant_version, preview, rule_id,
      customer_id, session, language, state, assistant_status, status, attributes, customer_attributes,
      last_sequence, timer_jobs, visitor_token_hash, started_at, updated_at)
    SELECT gen_random_uuid(), organization_id, brand_id, channel, assistant_id, assistant_version, preview,
      rule_id, customer_id, session, language,
      jsonb_set(state, '{timers}', jsonb_build_object('reminder', ${benchmarkTimerPrefix}::text || n)),
      assistant_status, status, attributes, customer_attributes, last_sequence,
      jsonb_build_object('reminder', jsonb_build_object(
        'timerId', ${benchmarkTimerPrefix}::text || n,
        'dueAt', due,
        'jobId', gen_random_uuid()::text,
        'jobDueAt', due)),
      visitor_token_hash, started_at, updated_at
    FROM conversations, generate_series(1, ${count}::int) AS n,
      LATERAL (SELECT ${firstDueAt}::bigint + floor((n - 1) * ${spacing}::float8)::bigint AS due) AS timing
    WHERE id = ${templateId}::uuid
    RETURNING id, organization_id, state -> 'timers' ->> 'reminder' AS timer_id,
      timer_jobs -> 'reminder' ->> 'jobId' AS job_id, timer_jobs -> 'reminder' ->> 'dueAt' AS due_at`);
  return rowsOf<CopiedConversation>(result);
}

/** The copies' position in the window comes from their timer id, so due times follow creation order. */
function positionOf(row: CopiedConversation): number {
  return Number(row.timer_id.slice(benchmarkTimerPrefix.length)) - 1;
}

export async function seedTimers(
  database: Database,
  jobs: PgBoss,
  templateConversationId: string,
  plan: TimerPlan,
): Promise<SeededTimers> {
  await database.execute(sql`CREATE TABLE IF NOT EXISTS ${sql.raw(seededJobsTable)} (id uuid PRIMARY KEY)`);
  const started = Date.now();
  const firstDueAt = started + plan.leadMilliseconds;
  const spacing = plan.windowMilliseconds / plan.count;
  const copies = await copyConversation(database, templateConversationId, plan.count, firstDueAt, spacing);
  copies.sort((left, right) => positionOf(left) - positionOf(right));
  const stored = Date.now();
  for (let offset = 0; offset < copies.length; offset += jobsPerInsert) {
    const chunk = copies.slice(offset, offset + jobsPerInsert).map((row) => {
      const data: TimerJobData = {
        organizationId: row.organization_id,
        conversationId: row.id,
        name: "reminder",
      };
      return {
        id: row.job_id,
        data,
        startAfter: new Date(Number(row.due_at)),
        singletonKey: `${row.id}:reminder`,
      };
    });
    await jobs.insert(queueNames.conversationTimer, chunk);
    const ids = chunk.map((job) => job.id);
    await database.execute(
      sql`INSERT INTO ${sql.raw(seededJobsTable)} SELECT unnest(${sql.param(ids)}::uuid[])`,
    );
  }
  return {
    conversationsMilliseconds: stored - started,
    jobsMilliseconds: Date.now() - stored,
    firstDueAt,
    lastDueAt: firstDueAt + Math.floor((plan.count - 1) * spacing),
  };
}
