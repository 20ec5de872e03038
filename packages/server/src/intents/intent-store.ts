import { randomUUID } from "node:crypto";
import { intentLimits } from "@parley/nlu";
import { and, asc, eq, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { lockSubject } from "../data/locks.ts";
import { withUniqueFields } from "../data/unique-violation.ts";
import { valueTaken } from "../data/value-taken.ts";
import type { Executor } from "../database/connection.ts";
import { intents } from "../database/schema/index.ts";
import { ApiError, limitReached } from "../http/errors.ts";
import { intentProblems, invalidIntent, keptKeywords } from "./intent-checks.ts";
import type { Intent, IntentInput, IntentUser } from "./intent-schemas.ts";
import { assistantsUsingIntents } from "./intent-usage.ts";
import { forgetTrainedFrom } from "./model-store.ts";
import { queueIntentTraining } from "./training-queue.ts";

export type IntentRow = typeof intents.$inferSelect;

export function toIntent(row: IntentRow, usedBy: IntentUser[]): Intent {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    description: row.description,
    phrases: row.phrases,
    keywords: row.keywords,
    keywordLanguages: Object.keys(row.keywords).sort(),
    training: {
      status: row.trainingStatus,
      error: row.trainingError,
      trainedAt: row.trainedAt?.toISOString() ?? null,
    },
    usedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const belongsTo = (organizationId: string, id: string) =>
  and(eq(intents.organizationId, organizationId), eq(intents.id, id));

/** Every custom intent of the organization, by name: at most 80, so no pages. */
export async function listIntents(executor: Executor, organizationId: string): Promise<Intent[]> {
  const rows = await executor
    .select()
    .from(intents)
    .where(eq(intents.organizationId, organizationId))
    .orderBy(asc(intents.name));
  const users = await assistantsUsingIntents(executor, organizationId);
  return rows.map((row) => toIntent(row, users.get(row.name) ?? []));
}

export async function customIntentNames(executor: Executor, organizationId: string): Promise<string[]> {
  const rows = await executor
    .select({ name: intents.name })
    .from(intents)
    .where(eq(intents.organizationId, organizationId));
  return rows.map((row) => row.name);
}

export async function findIntentRow(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<IntentRow | null> {
  const [row] = await executor.select().from(intents).where(belongsTo(organizationId, id)).limit(1);
  return row ?? null;
}

export async function intentUsers(
  executor: Executor,
  organizationId: string,
  name: string,
): Promise<IntentUser[]> {
  return (await assistantsUsingIntents(executor, organizationId, name)).get(name) ?? [];
}

/** Assistants map intents by name, so an intent they use can be neither renamed nor deleted. */
function intentInUse(name: string, users: IntentUser[], change: "renamed" | "deleted"): ApiError {
  const names = users.map((user) => user.internalName).join(", ");
  return new ApiError(
    409,
    "intent_in_use",
    `The intent ${name} cannot be ${change}: ${users.length} assistant(s) map it to a dialog (${names}). Remove it from their intents first.`,
    { extra: { assistants: users } },
  );
}

/**
 * Reads the organization's other intents and refuses what breaks a rule: 422 with every problem,
 * 422 at the limit of intents, 409 for a name another intent has.
 */
async function checkIntent(
  executor: Executor,
  organizationId: string,
  input: IntentInput,
  id?: string,
): Promise<void> {
  const existing = await executor
    .select({ id: intents.id, name: intents.name, keywords: intents.keywords })
    .from(intents)
    .where(eq(intents.organizationId, organizationId));
  const others = existing.filter((other) => other.id !== id);
  const problems = intentProblems(input, others);
  if (problems.length > 0) throw invalidIntent(problems);
  if (id === undefined && existing.length >= intentLimits.maxIntents) {
    throw limitReached("custom intents", intentLimits.maxIntents);
  }
  if (others.some((other) => other.name === input.name)) throw valueTaken("intent", "name", input.name);
}

function storedFields(input: IntentInput) {
  return {
    name: input.name,
    title: input.title,
    description: input.description,
    phrases: input.phrases,
    keywords: keptKeywords(input.keywords),
    trainingStatus: "training" as const,
    trainingError: null,
  };
}

const uniqueFields = { intents_organization_id_name_key: "name" };

/** Saves a new intent and queues its training ("Save and Train"), in the caller's transaction. */
export async function createIntent(
  executor: Executor,
  jobs: PgBoss,
  organizationId: string,
  input: IntentInput,
): Promise<IntentRow> {
  // Counting, checking names and keywords, and inserting must not interleave with another save.
  await lockSubject(executor, organizationId, "intents");
  await checkIntent(executor, organizationId, input);
  const [row] = await executor
    .insert(intents)
    .values({ id: randomUUID(), organizationId, ...storedFields(input) })
    .returning();
  if (!row) throw new Error("the intent was not stored");
  await queueIntentTraining(executor, jobs, organizationId);
  return row;
}

/** Replaces an intent and queues training; null when the organization has no such intent. */
export async function replaceIntent(
  executor: Executor,
  jobs: PgBoss,
  organizationId: string,
  id: string,
  input: IntentInput,
): Promise<IntentRow | null> {
  await lockSubject(executor, organizationId, "intents");
  const current = await findIntentRow(executor, organizationId, id);
  if (!current) return null;
  await checkIntent(executor, organizationId, input, id);
  if (input.name !== current.name) {
    const users = await intentUsers(executor, organizationId, current.name);
    if (users.length > 0) throw intentInUse(current.name, users, "renamed");
  }
  const [row] = await withUniqueFields("intent", uniqueFields, () =>
    executor
      .update(intents)
      .set({ ...storedFields(input), revision: sql`${intents.revision} + 1`, updatedAt: new Date() })
      .where(belongsTo(organizationId, id))
      .returning(),
  );
  if (!row) return null;
  await queueIntentTraining(executor, jobs, organizationId);
  return row;
}

/** Deletes an intent no assistant maps, and trains the model without it; false when there is none. */
export async function deleteIntent(
  executor: Executor,
  jobs: PgBoss,
  organizationId: string,
  id: string,
): Promise<boolean> {
  await lockSubject(executor, organizationId, "intents");
  const current = await findIntentRow(executor, organizationId, id);
  if (!current) return false;
  const users = await intentUsers(executor, organizationId, current.name);
  if (users.length > 0) throw intentInUse(current.name, users, "deleted");
  await executor.delete(intents).where(belongsTo(organizationId, id));
  await queueIntentTraining(executor, jobs, organizationId);
  return true;
}

/**
 * Trains every intent again, as after an upgrade that changed how models are trained. The model
 * forgets what it was trained from, so the job cannot take it for up to date.
 */
export async function retrainIntents(
  executor: Executor,
  jobs: PgBoss,
  organizationId: string,
): Promise<void> {
  await lockSubject(executor, organizationId, "intents");
  await executor
    .update(intents)
    .set({ trainingStatus: "training", trainingError: null })
    .where(eq(intents.organizationId, organizationId));
  await forgetTrainedFrom(executor, organizationId);
  await queueIntentTraining(executor, jobs, organizationId);
}
