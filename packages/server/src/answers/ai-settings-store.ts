import { eq } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { aiSettings } from "../database/schema/index.ts";
import { findAiProfileRow, lockAiSettings } from "./ai-profile-store.ts";
import { checkAiSettings, invalidAiSettings } from "./ai-settings-checks.ts";
import type { AiSettings, AiSettingsInput } from "./ai-settings-schemas.ts";

export type AiSettingsRow = typeof aiSettings.$inferSelect;

/** Under this length the last 4 characters would give away too much of a key to show them. */
const shortestKeyWithHint = 12;

export async function findAiSettingsRow(
  executor: Executor,
  organizationId: string,
): Promise<AiSettingsRow | null> {
  const [row] = await executor
    .select()
    .from(aiSettings)
    .where(eq(aiSettings.organizationId, organizationId))
    .limit(1);
  return row ?? null;
}

/** The settings as the API shows them: the key only as whether it is set and how it ends. */
export function toAiSettings(row: AiSettingsRow | null): AiSettings {
  const apiKey = row?.apiKey ?? null;
  return {
    provider: row?.provider ?? "extractive",
    baseUrl: row?.baseUrl ?? null,
    model: row?.model ?? null,
    temperature: row?.temperature ?? null,
    maxOutputTokens: row?.maxOutputTokens ?? null,
    timeoutMs: row?.timeoutMs ?? null,
    apiKeySet: apiKey !== null,
    apiKeyLast4: apiKey !== null && apiKey.length >= shortestKeyWithHint ? apiKey.slice(-4) : null,
    defaultProfileId: row?.defaultProfileId ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Replaces the organization's settings, keeping the stored key when none is sent; 422 with every
 * problem otherwise. Serialized with profile deletions, so the default profile cannot vanish in
 * between.
 */
export async function saveAiSettings(
  executor: Executor,
  organizationId: string,
  input: AiSettingsInput,
): Promise<AiSettings> {
  await lockAiSettings(executor, organizationId);
  const stored = await findAiSettingsRow(executor, organizationId);
  const { problems, values } = checkAiSettings(input, stored);
  if (
    values.defaultProfileId !== null &&
    !(await findAiProfileRow(executor, organizationId, values.defaultProfileId))
  ) {
    problems.push({
      in: "body",
      path: "/defaultProfileId",
      code: "unknown_ai_profile",
      message: "is not an AI profile of this organization",
    });
  }
  if (problems.length > 0) throw invalidAiSettings(problems);
  const changed = { ...values, updatedAt: new Date() };
  const [row] = await executor
    .insert(aiSettings)
    .values({ organizationId, ...changed })
    .onConflictDoUpdate({ target: aiSettings.organizationId, set: changed })
    .returning();
  return toAiSettings(row ?? null);
}
