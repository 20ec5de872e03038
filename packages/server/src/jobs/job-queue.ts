import { maximumTimeoutMs } from "@parley/knowledge";
import { sql } from "drizzle-orm";
import { type Clock, type ConnectionOptions, fromDrizzle, PgBoss, type Queue } from "pg-boss";
import type { DatabaseConnection, Executor } from "../database/connection.ts";
import { defaultTimeoutMilliseconds as webhookTimeoutMilliseconds } from "../webhooks/post-webhook.ts";

/** Every queue Parley uses; each is created at start so sending never races its creation. */
export const queueNames = {
  /** A conversation timer fell due: reminder, abandon, agent missed, choice timeout, voice re-prompt. */
  conversationTimer: "conversation-timer",
  /** An effect that needs I/O (workflow, article search, AI answer, object lookup). */
  conversationEffect: "conversation-effect",
  /** One outbound webhook delivery attempt. */
  webhookDelivery: "webhook-delivery",
  /** Train an organization's intent model after its custom intents changed ("Save and Train", spec 18). */
  intentTraining: "intent-training",
  /** Send a conversation's pending messages to its messaging provider, in order (channels/messaging). */
  channelSend: "channel-send",
  /** Delete uploaded files no message refers to (web-chat/file-cleanup.ts), once an hour. */
  fileCleanup: "file-cleanup",
} as const;
export type QueueName = (typeof queueNames)[keyof typeof queueNames];

/**
 * How a crashed process's jobs come back. A worker touches the jobs it holds every
 * `refreshSeconds`; the supervisor fails a job untouched for `seconds` (pg-boss's minimum),
 * and the queue runs it again elsewhere. Touching four times per period means a busy pool must
 * miss several touches in a row before a live process loses a job. Without heartbeats only
 * `expireInSeconds` frees a claimed job, and that has to allow for the slowest healthy run.
 */
export const jobHeartbeat = { seconds: 10, refreshSeconds: 2.5 } as const;

/**
 * How often a process looks for jobs whose heartbeat or expiry has passed (pg-boss's default
 * is a minute). One process per interval does it, whichever claims the pass first.
 */
export const supervisionIntervalSeconds = 5;

type QueueSettings = Pick<
  Queue,
  | "policy"
  | "notify"
  | "retryLimit"
  | "retryDelay"
  | "retryBackoff"
  | "retryDelayMax"
  | "expireInSeconds"
  | "heartbeatSeconds"
>;

/**
 * Each queue's rules. `expireInSeconds` bounds one run on a live process, from what the job may
 * take: past it the job is failed and retried even though its process still answers heartbeats.
 */
const queueSettings: Record<QueueName, QueueSettings> = {
  // "short": at most one pending job per singleton key, so a conversation has at most one
  // pending timer of each name. Turns are idempotent, so a retried timer repeats nothing.
  // A batch of timer turns takes milliseconds each; a minute allows for a database under load.
  [queueNames.conversationTimer]: { policy: "short", retryLimit: 5, retryDelay: 1, expireInSeconds: 60 },
  // An AI answer may take its organization's provider timeout (at most maximumTimeoutMs), plus
  // a knowledge base's index rebuild and the turn that takes the result.
  [queueNames.conversationEffect]: {
    notify: true,
    retryLimit: 3,
    retryDelay: 1,
    expireInSeconds: maximumTimeoutMs / 1000 + 60,
  },
  // Retries back off exponentially: 10 s, 20 s, 40 s… about 40 minutes over 8 attempts. One
  // attempt is one request, bounded by its timeout, and the reads and writes around it.
  [queueNames.webhookDelivery]: {
    notify: true,
    retryLimit: 8,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: webhookTimeoutMilliseconds / 1000 + 30,
  },
  // "stately": per organization, one job waiting and one running. Edits while a training runs
  // queue one more, which reads every intent when it starts; a burst of edits trains once more
  // at most, and two trainings of one organization never race to store their models. A
  // training takes seconds of CPU in a thread; minutes allow for a large organization on a busy
  // machine, or a process where threads cannot start.
  [queueNames.intentTraining]: {
    policy: "stately",
    notify: true,
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 10 * 60,
  },
  // "stately" per conversation: one job sending and one waiting, so a conversation's messages go out
  // in order, one at a time; the waiting job sends whatever is pending when it starts. Retries back
  // off from 5 s to at most 10 minutes, about 25 minutes over 8 attempts, before a message is
  // recorded as failed. One attempt sends each pending part, each bounded by the send timeout.
  [queueNames.channelSend]: {
    policy: "stately",
    notify: true,
    retryLimit: 8,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 600,
    expireInSeconds: 5 * 60,
  },
  // "short": one waiting job per key, so every process queueing the next sweep makes one chain.
  // A sweep deletes in batches of 500; a quarter of an hour allows for a large backlog.
  [queueNames.fileCleanup]: {
    policy: "short",
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  },
};

export interface JobQueueOptions {
  /** Tests pass pg-boss's TestClock to move timers by hand. */
  clock?: Clock | undefined;
}

/**
 * pg-boss on the server's own database: the same PGlite instance, or the same PostgreSQL.
 * Jobs are claimed with SKIP LOCKED, so any number of processes share one queue.
 */
export async function startJobQueue(
  connection: DatabaseConnection,
  options: JobQueueOptions = {},
): Promise<PgBoss> {
  const boss = new PgBoss({
    ...connection.jobDatabase,
    ...(options.clock ? { clock: options.clock } : {}),
    // Cron schedules are not used; maintenance stays on to archive finished jobs.
    schedule: false,
    // Effects and webhook deliveries wake a worker at once instead of at its next poll.
    useListenNotify: true,
    // Expired jobs and lost heartbeats are found by the monitor, which runs in the supervision
    // pass: both intervals bound how long a dead process's job waits after its heartbeat stops.
    superviseIntervalSeconds: supervisionIntervalSeconds,
    monitorIntervalSeconds: supervisionIntervalSeconds,
  });
  boss.on("error", (error) => {
    // pg-boss reports failed polls here and retries by itself; nothing is lost.
    process.emitWarning(`job queue: ${error instanceof Error ? error.message : String(error)}`);
  });
  await boss.start();
  for (const [name, { policy, ...settings }] of Object.entries(queueSettings)) {
    const rules = { ...settings, heartbeatSeconds: jobHeartbeat.seconds };
    await boss.createQueue(name, { ...(policy ? { policy } : {}), ...rules });
    // Creating leaves a queue that exists as it was: a database an earlier version made gets
    // these rules too. Jobs already queued keep the rules they were sent with.
    await boss.updateQueue(name, rules);
  }
  return boss;
}

/** Lets pg-boss write inside one of our transactions, so a job exists exactly when the turn that made it does. */
export function inTransaction(executor: Executor): ConnectionOptions {
  return { db: fromDrizzle(executor as Parameters<typeof fromDrizzle>[0], sql) };
}
