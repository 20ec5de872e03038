import type { PgBoss } from "pg-boss";
import type { Executor } from "../database/connection.ts";
import { inTransaction, queueNames } from "../jobs/job-queue.ts";

export interface IntentTrainingJob {
  organizationId: string;
}

/**
 * Queues training the organization's model, in the caller's transaction: the job exists
 * exactly when the change it trains does. The queue keeps one waiting job per organization
 * (jobs/job-queue.ts), so a burst of edits adds nothing once one is waiting: the job reads the
 * intents when it starts, and so covers every edit made before.
 */
export async function queueIntentTraining(
  executor: Executor,
  jobs: PgBoss,
  organizationId: string,
): Promise<void> {
  await jobs.send(queueNames.intentTraining, { organizationId } satisfies IntentTrainingJob, {
    singletonKey: organizationId,
    ...inTransaction(executor),
  });
}
