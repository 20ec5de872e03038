import { randomUUID } from "node:crypto";
import type { TimerName } from "@parley/engine";
import type { PgBoss } from "pg-boss";
import type { Executor } from "../database/connection.ts";
import { inTransaction, queueNames } from "../jobs/job-queue.ts";
import type { ConversationRow } from "./conversation-store.ts";
import type { TurnWriter } from "./turn-writer.ts";

/** What a conversation-timer job carries: the timer it wakes is looked up on the conversation. */
export interface TimerJobData {
  organizationId: string;
  conversationId: string;
  name: TimerName;
}

/**
 * A timer the conversation waits for, and the pg-boss job that wakes it. The job can be
 * due before the timer: a turn that moves a timer later (every answer moves the reminder)
 * keeps the job it has, because rewriting jobs was the dearest part of a turn; when that
 * job comes, it only re-arms itself for the timer's new time.
 */
export interface PendingTimer {
  /** The engine's id of the timer: the fired event must carry it. */
  timerId: string;
  dueAt: number;
  jobId: string;
  jobDueAt: number;
}

export type PendingTimers = Partial<Record<TimerName, PendingTimer>>;

/** What the engine asked for in one batch of effects, by timer name: a time, or no timer. */
export type TimerRequests = Map<TimerName, { timerId: string; at: number } | null>;

interface TimerJob {
  id: string;
  data: TimerJobData;
  startAfter: Date;
  singletonKey: string;
}

function timerJob(row: ConversationRow, name: TimerName, at: number): TimerJob {
  return {
    id: randomUUID(),
    data: { organizationId: row.organizationId, conversationId: row.id, name },
    startAfter: new Date(at),
    singletonKey: `${row.id}:${name}`,
  };
}

async function insertJobs(executor: Executor, jobs: PgBoss, timerJobs: TimerJob[]): Promise<void> {
  if (timerJobs.length === 0) return;
  const stored = await jobs.insert(queueNames.conversationTimer, timerJobs, {
    ...inTransaction(executor),
    returnId: true,
  });
  // The queue keeps one pending job per conversation and timer name; a refused one means a lost timer.
  if ((stored?.length ?? 0) !== timerJobs.length) {
    throw new Error("a conversation timer was refused because another of the same name is pending");
  }
}

/** Brings the conversation's jobs in line with the engine's requests: two statements at most. */
export async function writeTimers(
  executor: Executor,
  jobs: PgBoss,
  writer: TurnWriter,
  requests: TimerRequests,
): Promise<void> {
  const { row } = writer;
  const deletes: string[] = [];
  const inserts: TimerJob[] = [];
  for (const [name, request] of requests) {
    const pending = row.timerJobs[name];
    if (request === null) {
      if (pending) deletes.push(pending.jobId);
      delete row.timerJobs[name];
    } else if (pending && pending.jobDueAt <= request.at) {
      row.timerJobs[name] = { ...pending, timerId: request.timerId, dueAt: request.at };
    } else {
      if (pending) deletes.push(pending.jobId);
      const job = timerJob(row, name, request.at);
      inserts.push(job);
      row.timerJobs[name] = {
        timerId: request.timerId,
        dueAt: request.at,
        jobId: job.id,
        jobDueAt: request.at,
      };
    }
  }
  if (deletes.length > 0) {
    await jobs.deleteJob(queueNames.conversationTimer, deletes, inTransaction(executor));
  }
  await insertJobs(executor, jobs, inserts);
}

/** A job that came before its timer's time sends another for that time. */
export async function rearmTimer(
  executor: Executor,
  jobs: PgBoss,
  writer: TurnWriter,
  name: TimerName,
  pending: PendingTimer,
): Promise<void> {
  const job = timerJob(writer.row, name, pending.dueAt);
  await insertJobs(executor, jobs, [job]);
  writer.row.timerJobs[name] = { ...pending, jobId: job.id, jobDueAt: pending.dueAt };
}
