import { type IntentWarning, reviewIntents } from "@parley/nlu";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { intents } from "../database/schema/index.ts";
import type { IntentReview } from "./intent-schemas.ts";
import type { IntentRow } from "./intent-store.ts";
import { storedReview } from "./model-store.ts";

/**
 * Rules that compare an intent with the others. Reviewing one intent against the predefined
 * ones takes seconds, so these come from the review the training job stores; the rules about an
 * intent's own phrases are checked on every answer, which takes milliseconds.
 */
const comparingRules: ReadonlySet<IntentWarning["rule"]> = new Set([
  "phrase-fits-other-intent",
  "phrase-in-two-intents",
  "keyword-in-two-intents",
  "keyword-inside-keyword",
]);

function involves(warning: IntentWarning, name: string): boolean {
  return warning.intent === name || warning.otherIntent === name;
}

/** Its own phrases now; how it compares with the others as of the training that included it. */
export async function intentWarnings(
  executor: Executor,
  organizationId: string,
  row: IntentRow,
): Promise<IntentWarning[]> {
  const own = reviewIntents([{ name: row.name, phrases: row.phrases, keywords: row.keywords }]).filter(
    (warning) => !comparingRules.has(warning.rule),
  );
  // Until the intent is trained as it is now, the stored review speaks of an older version of it.
  if (row.trainingStatus !== "trained") return own;
  const stored = await storedReview(executor, organizationId);
  const compared = (stored?.warnings ?? []).filter(
    (warning) => comparingRules.has(warning.rule) && involves(warning, row.name),
  );
  return [...own, ...compared];
}

/** The organization's last review, and whether intents wait for training it does not cover yet. */
export async function organizationReview(executor: Executor, organizationId: string): Promise<IntentReview> {
  const stored = await storedReview(executor, organizationId);
  const [waiting] = await executor
    .select({ id: intents.id })
    .from(intents)
    .where(and(eq(intents.organizationId, organizationId), eq(intents.trainingStatus, "training")))
    .limit(1);
  return {
    warnings: stored?.warnings ?? [],
    reviewedAt: stored?.trainedAt.toISOString() ?? null,
    pending: waiting !== undefined,
  };
}
