import type { Job, PgBoss } from "pg-boss";
import type { Database } from "../database/connection.ts";
import { ApiError } from "../http/errors.ts";
import { jobHeartbeat, queueNames } from "../jobs/job-queue.ts";
import { findConversation } from "./conversation-store.ts";
import type { EffectJobData } from "./effect-application.ts";
import { type EffectPorts, runEffect } from "./effect-ports.ts";
import type { TimerJobData } from "./pending-timers.ts";
import type { ConversationRunner } from "./runner.ts";

/** A conversation deleted (with its organization) while its job waited has nothing left to do. */
function isGone(error: unknown): boolean {
  return error instanceof ApiError && error.statusCode === 404;
}

async function settleEach<Data>(jobs: Job<Data>[], work: (job: Job<Data>) => Promise<void>): Promise<void> {
  const results = await Promise.allSettled(jobs.map(work));
  const failure = results.find((result) => result.status === "rejected");
  // pg-boss retries the whole batch; turns already done are recognized by their keys and repeat nothing.
  if (failure) throw failure.reason;
}

/** How the timer worker fetches: exported so the timer benchmark measures pg-boss with the same settings. */
export const timerWorkerOptions = {
  batchSize: 50,
  localConcurrency: 2,
  pollingIntervalSeconds: 0.5,
  burstWhenBatchFull: true,
  heartbeatRefreshSeconds: jobHeartbeat.refreshSeconds,
};

/** Timers and effect results become turns. */
export async function registerConversationWorkers(
  jobs: PgBoss,
  runner: ConversationRunner,
  database: Database,
  ports: EffectPorts,
): Promise<void> {
  await jobs.work<TimerJobData>(queueNames.conversationTimer, timerWorkerOptions, (batch) =>
    settleEach(batch, async (job) => {
      const { conversationId, name } = job.data;
      await runner.fireTimer(conversationId, name, job.id);
    }),
  );
  await jobs.work<EffectJobData>(
    queueNames.conversationEffect,
    // A NOTIFY that arrives while the worker is busy wakes nobody; the one-second poll is the backstop.
    {
      batchSize: 10,
      localConcurrency: 2,
      pollingIntervalSeconds: 1,
      notifyPollingIntervalSeconds: 1,
      heartbeatRefreshSeconds: jobHeartbeat.refreshSeconds,
    },
    (batch) =>
      settleEach(batch, async (job) => {
        const { conversationId, effect } = job.data;
        const conversation = await findConversation(database, conversationId);
        if (!conversation) return;
        const event = await runEffect(ports, effect, conversation);
        try {
          await runner.handle(conversationId, { key: `effect:${effect.requestId}`, event });
        } catch (error) {
          if (!isGone(error)) throw error;
        }
      }),
  );
}
