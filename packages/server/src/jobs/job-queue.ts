import { sql } from "drizzle-orm";
import { type Clock, type ConnectionOptions, fromDrizzle, PgBoss } from "pg-boss";
import type { DatabaseConnection, Executor } from "../database/connection.ts";

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
  /** Delete uploaded files no message refers to (web-chat/file-cleanup.ts), once an hour. */
  fileCleanup: "file-cleanup",
} as const;
export type QueueName = (typeof queueNames)[keyof typeof queueNames];

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
  });
  boss.on("error", (error) => {
    // pg-boss reports failed polls here and retries by itself; nothing is lost.
    process.emitWarning(`job queue: ${error instanceof Error ? error.message : String(error)}`);
  });
  await boss.start();
  // "short": at most one pending job per singleton key, so a conversation has at most one
  // pending timer of each name. Turns are idempotent, so a retried timer repeats nothing.
  await boss.createQueue(queueNames.conversationTimer, { policy: "short", retryLimit: 5, retryDelay: 1 });
  await boss.createQueue(queueNames.conversationEffect, { notify: true, retryLimit: 3, retryDelay: 1 });
  // Retries back off exponentially: 10 s, 20 s, 40 s… about 40 minutes over 8 attempts.
  await boss.createQueue(queueNames.webhookDelivery, {
    notify: true,
    retryLimit: 8,
    retryDelay: 10,
    retryBackoff: true,
  });
  // "stately": per organization, one job waiting and one running. Edits while a training runs
  // queue one more, which reads every intent when it starts; a burst of edits trains once more
  // at most, and two trainings of one organization never race to store their models.
  await boss.createQueue(queueNames.intentTraining, {
    policy: "stately",
    notify: true,
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
  });
  // "short": one waiting job per key, so every process queueing the next sweep makes one chain.
  await boss.createQueue(queueNames.fileCleanup, {
    policy: "short",
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  });
  return boss;
}

/** Lets pg-boss write inside one of our transactions, so a job exists exactly when the turn that made it does. */
export function inTransaction(executor: Executor): ConnectionOptions {
  return { db: fromDrizzle(executor as Parameters<typeof fromDrizzle>[0], sql) };
}
