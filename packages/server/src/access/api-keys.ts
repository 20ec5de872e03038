import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { apiKeys } from "../database/schema/index.ts";
import type { Scope } from "../http/scopes.ts";
import { hashToken, newApiKey } from "./secrets.ts";

export interface ApiKeySummary {
  id: string;
  name: string;
  keyStart: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Who made the key: a user (signed in), or another key; neither for keys made at first start. */
  createdByUserId: string | null;
  createdByApiKeyId: string | null;
}

function summary(row: typeof apiKeys.$inferSelect): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    keyStart: row.keyStart,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdByUserId: row.createdBy,
    createdByApiKeyId: row.createdByApiKey,
  };
}

/** Creates a key; the secret is returned this once and only its hash is kept. */
export async function createApiKey(
  executor: Executor,
  organizationId: string,
  options: {
    name: string;
    scopes: readonly Scope[];
    createdBy?: string | undefined;
    createdByApiKey?: string | undefined;
    key?: string | undefined;
  },
): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const key = options.key ?? newApiKey();
  const [row] = await executor
    .insert(apiKeys)
    .values({
      id: randomUUID(),
      organizationId,
      name: options.name,
      keyHash: hashToken(key),
      keyStart: key.slice(0, 8),
      scopes: [...options.scopes],
      createdBy: options.createdBy ?? null,
      createdByApiKey: options.createdByApiKey ?? null,
    })
    .returning();
  if (!row) throw new Error("the API key was not stored");
  return { key, apiKey: summary(row) };
}

export async function listApiKeys(executor: Executor, organizationId: string): Promise<ApiKeySummary[]> {
  const rows = await executor
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.organizationId, organizationId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(summary);
}

/** Returns false when the organization has no such active key. */
export async function revokeApiKey(executor: Executor, organizationId: string, id: string): Promise<boolean> {
  const rows = await executor
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.organizationId, organizationId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
