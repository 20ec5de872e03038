/**
 * pg-boss firing alone: the job queue exactly as the server starts it (jobs/job-queue.ts:
 * the `conversation-timer` queue with its policy and retries), a worker with the
 * options of the server's timer worker, and a handler that only records when each job
 * arrived. Set against the real reminder turns, it tells the scheduler's share of any
 * lateness from the turns' share.
 *
 * Answers the same commands as bench/chat/server.ts for the timer test.
 *   node bench/chat/scheduler-server.ts <pglite|postgres> <postgres url>
 */
import { randomUUID } from "node:crypto";
import type { TimerJobData } from "../../packages/server/src/conversations/pending-timers.ts";
import { timerWorkerOptions } from "../../packages/server/src/conversations/workers.ts";
import { queueNames, startJobQueue } from "../../packages/server/src/jobs/job-queue.ts";
import { type DatabaseKind, openBenchmarkDatabase } from "./database.ts";
import { measureEventLoopDelay } from "./event-loop-delay.ts";
import type { Command, Reply } from "./server-commands.ts";
import type { TimerOutcome } from "./timer-report.ts";
import type { SeededTimers, TimerPlan } from "./timer-seeding.ts";

const jobsPerInsert = 2000;

const kind = process.argv[2] as DatabaseKind;
const postgresUrl = process.argv[3] ?? "";
if (kind !== "pglite" && kind !== "postgres")
  throw new Error("usage: scheduler-server.ts <pglite|postgres> <url>");
const opened = await openBenchmarkDatabase(kind, postgresUrl);
const jobs = await startJobQueue(opened.connection);

const dueAt = new Map<string, number>();
const storedAt = new Map<string, number>();
const arrivals = new Map<string, number[]>();

await jobs.work<TimerJobData>(queueNames.conversationTimer, timerWorkerOptions, async (batch) => {
  const now = Date.now();
  for (const job of batch) {
    const seen = arrivals.get(job.id);
    if (seen) seen.push(now);
    else arrivals.set(job.id, [now]);
  }
});

async function seed(plan: TimerPlan): Promise<SeededTimers> {
  const started = Date.now();
  const firstDueAt = started + plan.leadMilliseconds;
  const spacing = plan.windowMilliseconds / plan.count;
  for (let offset = 0; offset < plan.count; offset += jobsPerInsert) {
    const chunk = [];
    for (let position = offset; position < Math.min(plan.count, offset + jobsPerInsert); position += 1) {
      const id = randomUUID();
      const conversationId = randomUUID();
      const due = firstDueAt + Math.floor(position * spacing);
      dueAt.set(id, due);
      const data: TimerJobData = { organizationId: conversationId, conversationId, name: "reminder" };
      chunk.push({ id, data, startAfter: new Date(due), singletonKey: `${conversationId}:reminder` });
    }
    await jobs.insert(queueNames.conversationTimer, chunk);
    const now = Date.now();
    for (const job of chunk) storedAt.set(job.id, now);
  }
  return {
    conversationsMilliseconds: 0,
    jobsMilliseconds: Date.now() - started,
    firstDueAt,
    lastDueAt: firstDueAt + Math.floor((plan.count - 1) * spacing),
  };
}

function outcome(): TimerOutcome {
  const lateness: number[] = [];
  let firedTwice = 0;
  let storedLate = 0;
  let lastFiredAt = 0;
  for (const [id, due] of dueAt) {
    if ((storedAt.get(id) ?? 0) > due) storedLate += 1;
    const seen = arrivals.get(id);
    if (!seen) continue;
    const first = seen[0] ?? 0;
    lateness.push(first - due);
    lastFiredAt = Math.max(lastFiredAt, first);
    if (seen.length > 1) firedTwice += 1;
  }
  return {
    jobs: dueAt.size,
    storedLate,
    fired: lateness.length,
    firedTwice,
    retried: firedTwice,
    lateness,
    lastFiredAt,
  };
}

const eventLoopDelay = measureEventLoopDelay();

async function run(command: Command): Promise<unknown> {
  switch (command.type) {
    case "event-loop-delay":
      return eventLoopDelay();
    case "seed-timers":
      return seed(command.plan);
    case "fired-count":
      return arrivals.size;
    case "timer-outcome":
      return outcome();
  }
}

process.on("message", (message: Command) => {
  run(message).then(
    (result) => process.send?.({ id: message.id, result } satisfies Reply),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) } satisfies Reply),
  );
});

process.stdout.write(`${JSON.stringify({ databaseName: opened.name })}\n`);
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await jobs.stop({ graceful: false });
  await opened.connection.close();
  await opened.drop();
  process.exit(0);
}
process.once("SIGTERM", stop);
// Ctrl+C reaches the whole process group; a load generator that died otherwise closes the IPC channel.
process.once("SIGINT", stop);
process.once("disconnect", stop);
