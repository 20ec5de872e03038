import type { IntentWarning } from "@parley/nlu";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { intentModels } from "../database/schema/index.ts";

export interface StoredModel {
  model: unknown;
  trainedFrom: string;
}

/** What the organization's model was trained from, or null when it has none: one small row read. */
export async function modelFingerprint(executor: Executor, organizationId: string): Promise<string | null> {
  const [row] = await executor
    .select({ trainedFrom: intentModels.trainedFrom })
    .from(intentModels)
    .where(eq(intentModels.organizationId, organizationId));
  return row?.trainedFrom ?? null;
}

export async function storedModel(executor: Executor, organizationId: string): Promise<StoredModel | null> {
  const [row] = await executor
    .select({ model: intentModels.model, trainedFrom: intentModels.trainedFrom })
    .from(intentModels)
    .where(eq(intentModels.organizationId, organizationId));
  return row ?? null;
}

export async function storedReview(
  executor: Executor,
  organizationId: string,
): Promise<{ warnings: IntentWarning[]; trainedAt: Date } | null> {
  const [row] = await executor
    .select({ warnings: intentModels.warnings, trainedAt: intentModels.trainedAt })
    .from(intentModels)
    .where(eq(intentModels.organizationId, organizationId));
  return row ?? null;
}

/** Stores a model as the JSON text the trainer wrote, without parsing and writing it again here. */
export async function saveModel(
  executor: Executor,
  organizationId: string,
  trained: { modelJson: string; trainedFrom: string; warnings: IntentWarning[] },
): Promise<void> {
  const values = {
    model: sql`${trained.modelJson}::jsonb`,
    trainedFrom: trained.trainedFrom,
    warnings: trained.warnings,
    trainedAt: new Date(),
  };
  await executor
    .insert(intentModels)
    .values({ organizationId, ...values })
    .onConflictDoUpdate({ target: intentModels.organizationId, set: values });
}

/** The next training job will not skip training for finding the same definitions. */
export async function forgetTrainedFrom(executor: Executor, organizationId: string): Promise<void> {
  await executor
    .update(intentModels)
    .set({ trainedFrom: "" })
    .where(eq(intentModels.organizationId, organizationId));
}

/** The organization is back to the predefined intents only, which every process keeps trained. */
export async function deleteModel(executor: Executor, organizationId: string): Promise<void> {
  await executor.delete(intentModels).where(eq(intentModels.organizationId, organizationId));
}
