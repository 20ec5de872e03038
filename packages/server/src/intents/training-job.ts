import type { IntentDefinition } from "@parley/nlu";
import { and, asc, eq, sql } from "drizzle-orm";
import type { JobWithMetadata, PgBoss } from "pg-boss";
import type { Database, Executor } from "../database/connection.ts";
import { intents } from "../database/schema/index.ts";
import { jobHeartbeat, queueNames } from "../jobs/job-queue.ts";
import { forgetOrganizationModel } from "./detector-cache.ts";
import { deleteModel, modelFingerprint, saveModel } from "./model-store.ts";
import { definitionsFingerprint, predefinedDefinitions } from "./training-definitions.ts";
import { TrainingStopped, trainIntents } from "./training-in-thread.ts";
import type { IntentTrainingJob } from "./training-queue.ts";

interface ReadIntent {
  id: string;
  name: string;
  revision: number;
  phrases: string[];
  keywords: Record<string, string[]>;
}

const maximumErrorLength = 1000;

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, maximumErrorLength);
}

/**
 * Sets the training status of the intents this job read, at the revision it read them: an
 * intent saved since has a newer revision and stays `training` for the job queued by that save.
 */
async function markIntents(
  executor: Executor,
  organizationId: string,
  read: readonly ReadIntent[],
  outcome: { status: "trained" } | { status: "failed"; error: string },
): Promise<void> {
  if (read.length === 0) return;
  const pairs = sql.join(
    read.map((intent) => sql`(${intent.id}::uuid, ${intent.revision}::integer)`),
    sql`, `,
  );
  await executor
    .update(intents)
    .set(
      outcome.status === "trained"
        ? { trainingStatus: "trained", trainingError: null, trainedAt: new Date() }
        : { trainingStatus: "failed", trainingError: outcome.error },
    )
    .where(
      and(
        eq(intents.organizationId, organizationId),
        sql`(${intents.id}, ${intents.revision}) IN (${pairs})`,
        // A failed training leaves the last model in use, and the intents it has stay trained.
        outcome.status === "failed" ? eq(intents.trainingStatus, "training") : undefined,
      ),
    );
}

async function readIntents(database: Database, organizationId: string): Promise<ReadIntent[]> {
  return database
    .select({
      id: intents.id,
      name: intents.name,
      revision: intents.revision,
      phrases: intents.phrases,
      keywords: intents.keywords,
    })
    .from(intents)
    .where(eq(intents.organizationId, organizationId))
    .orderBy(asc(intents.name));
}

export interface TrainingOptions {
  signal?: AbortSignal;
  /** Tests put a trainer that fails here: the real one takes whatever it is given. */
  train?: typeof trainIntents;
}

/**
 * Trains the organization's one model from the predefined intents and all its custom ones, so
 * they compete for every text, reviews them, and stores both. Without custom intents the model is
 * deleted: turns use the predefined model every process keeps. A training error marks the intents
 * waiting for it `failed`; a database error is thrown for the queue to retry.
 */
export async function trainOrganizationIntents(
  database: Database,
  organizationId: string,
  { signal, train = trainIntents }: TrainingOptions = {},
): Promise<void> {
  const read = await readIntents(database, organizationId);
  if (read.length === 0) {
    await deleteModel(database, organizationId);
    forgetOrganizationModel(organizationId);
    return;
  }
  const definitions: IntentDefinition[] = [
    ...predefinedDefinitions,
    ...read.map(({ name, phrases, keywords }) => ({ name, phrases, keywords })),
  ];
  const trainedFrom = definitionsFingerprint(definitions);
  if ((await modelFingerprint(database, organizationId)) === trainedFrom) {
    // Saved again as it was: the stored model and review are already these definitions'.
    await markIntents(database, organizationId, read, { status: "trained" });
    return;
  }
  let trained: Awaited<ReturnType<typeof trainIntents>>;
  try {
    trained = await train({ definitions, reviewIntents: read.map((intent) => intent.name) }, signal);
  } catch (error) {
    if (error instanceof TrainingStopped) throw error;
    await markIntents(database, organizationId, read, { status: "failed", error: messageOf(error) });
    return;
  }
  await database.transaction(async (transaction) => {
    await saveModel(transaction, organizationId, {
      modelJson: trained.model,
      trainedFrom,
      warnings: trained.warnings,
    });
    await markIntents(transaction, organizationId, read, { status: "trained" });
  });
  forgetOrganizationModel(organizationId);
}

/** Marks what waits for training as failed once the queue gives up retrying, so no status hangs. */
async function giveUp(database: Database, organizationId: string, error: unknown): Promise<void> {
  await database
    .update(intents)
    .set({ trainingStatus: "failed", trainingError: `training failed: ${messageOf(error)}` })
    .where(and(eq(intents.organizationId, organizationId), eq(intents.trainingStatus, "training")));
}

export interface IntentTrainingWorker {
  /** Stops taking jobs and ends a training under way (its job is retried by the queue). */
  stop(): Promise<void>;
}

/**
 * Trains intent models from this process, one organization at a time: a training takes one
 * to a few seconds of CPU, in a thread of its own.
 */
export async function registerIntentTrainingWorker(
  jobs: PgBoss,
  database: Database,
): Promise<IntentTrainingWorker> {
  const stopping = new AbortController();
  const id = await jobs.work<
    IntentTrainingJob,
    void,
    {
      includeMetadata: true;
      pollingIntervalSeconds: number;
      notifyPollingIntervalSeconds: number;
      heartbeatRefreshSeconds: number;
    }
  >(
    queueNames.intentTraining,
    // The job an edit queues while its organization trains is announced when nobody can take it:
    // a poll every two seconds starts it soon after the running one ends.
    {
      includeMetadata: true,
      pollingIntervalSeconds: 2,
      notifyPollingIntervalSeconds: 2,
      heartbeatRefreshSeconds: jobHeartbeat.refreshSeconds,
    },
    async (batch: JobWithMetadata<IntentTrainingJob>[]) => {
      for (const job of batch) {
        const { organizationId } = job.data;
        try {
          await trainOrganizationIntents(database, organizationId, {
            signal: AbortSignal.any([job.signal, stopping.signal]),
          });
        } catch (error) {
          if (!(error instanceof TrainingStopped) && job.retryCount >= job.retryLimit) {
            await giveUp(database, organizationId, error).catch(() => {});
          }
          throw error;
        }
      }
    },
  );
  return {
    async stop() {
      stopping.abort();
      await jobs.offWork(queueNames.intentTraining, { id });
    },
  };
}
