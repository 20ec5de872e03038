import { and, eq, isNotNull, like, not } from "drizzle-orm";
import {
  type CredentialCipher,
  CredentialUnreadableError,
  openCredential,
  sealedPrefix,
} from "../credentials/credential-cipher.ts";
import type { Executor } from "../database/connection.ts";
import { aiSettings } from "../database/schema/index.ts";
import { addressProblem } from "../outgoing/url-checks.ts";
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

/** What binds a sealed key to its place: another column or organization cannot open it. */
function keyContext(organizationId: string): string {
  return `ai_settings.api_key ${organizationId}`;
}

/** The organization's key in plain text, for the provider; throws when this server cannot decrypt it. */
export function openApiKey(row: AiSettingsRow, cipher: CredentialCipher | null): string | null {
  return row.apiKey === null ? null : openCredential(row.apiKey, keyContext(row.organizationId), cipher);
}

function lastFourOf(row: AiSettingsRow | null, cipher: CredentialCipher | null): string | null {
  if (!row) return null;
  try {
    const apiKey = openApiKey(row, cipher);
    return apiKey !== null && apiKey.length >= shortestKeyWithHint ? apiKey.slice(-4) : null;
  } catch (error) {
    // Still set, and still shown as set: the answers' errors say what is wrong with it.
    if (error instanceof CredentialUnreadableError) return null;
    throw error;
  }
}

/** The settings as the API shows them: the key only as whether it is set and how it ends. */
export function toAiSettings(row: AiSettingsRow | null, cipher: CredentialCipher | null): AiSettings {
  return {
    provider: row?.provider ?? "extractive",
    baseUrl: row?.baseUrl ?? null,
    model: row?.model ?? null,
    temperature: row?.temperature ?? null,
    maxOutputTokens: row?.maxOutputTokens ?? null,
    timeoutMs: row?.timeoutMs ?? null,
    apiKeySet: (row?.apiKey ?? null) !== null,
    apiKeyLast4: lastFourOf(row, cipher),
    defaultProfileId: row?.defaultProfileId ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Replaces the organization's settings, keeping the stored key when none is sent; 422 with every
 * problem otherwise. A key sent is stored encrypted, so a server without a secret key takes none.
 * Serialized with profile deletions, so the default profile cannot vanish in between.
 * `baseUrlRefusal` is why the outgoing client would not connect to the base URL (found before the
 * transaction, since it may wait for DNS), or null.
 */
export async function saveAiSettings(
  executor: Executor,
  cipher: CredentialCipher | null,
  organizationId: string,
  input: AiSettingsInput,
  baseUrlRefusal: string | null,
): Promise<AiSettings> {
  await lockAiSettings(executor, organizationId);
  const stored = await findAiSettingsRow(executor, organizationId);
  const { problems, values } = checkAiSettings(input, stored);
  if (baseUrlRefusal !== null && !problems.some((each) => each.path === "/baseUrl")) {
    problems.push(addressProblem("/baseUrl", baseUrlRefusal));
  }
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
  const sentKey = typeof input.apiKey === "string" ? values.apiKey : null;
  if (sentKey !== null && !cipher) {
    problems.push({
      in: "body",
      path: "/apiKey",
      code: "no_secret_key",
      message:
        "cannot be stored: this server has no PARLEY_SECRET_KEY to encrypt it with; ask its operator to set one",
    });
  }
  if (problems.length > 0) throw invalidAiSettings(problems);
  const apiKey =
    sentKey !== null && cipher ? cipher.seal(sentKey, keyContext(organizationId)) : values.apiKey;
  const changed = { ...values, apiKey, updatedAt: new Date() };
  const [row] = await executor
    .insert(aiSettings)
    .values({ organizationId, ...changed })
    .onConflictDoUpdate({ target: aiSettings.organizationId, set: changed })
    .returning();
  return toAiSettings(row ?? null, cipher);
}

/**
 * Encrypts the keys stored before Parley encrypted them, once the server has a secret key:
 * `npm start` after an upgrade leaves no key in plain text. Returns how many it found; of
 * processes starting together, only one seals each.
 */
export async function sealPlainApiKeys(executor: Executor, cipher: CredentialCipher): Promise<number> {
  const plain = await executor
    .select({ organizationId: aiSettings.organizationId, apiKey: aiSettings.apiKey })
    .from(aiSettings)
    .where(and(isNotNull(aiSettings.apiKey), not(like(aiSettings.apiKey, `${sealedPrefix}%`))));
  for (const { organizationId, apiKey } of plain) {
    if (apiKey === null) continue;
    await executor
      .update(aiSettings)
      .set({ apiKey: cipher.seal(apiKey, keyContext(organizationId)) })
      .where(and(eq(aiSettings.organizationId, organizationId), eq(aiSettings.apiKey, apiKey)));
  }
  return plain.length;
}
