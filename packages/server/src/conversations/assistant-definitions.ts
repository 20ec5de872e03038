import type { Assistant } from "@parley/model";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { assistantVersions } from "../database/schema/index.ts";
import type { ConversationRow } from "./conversation-store.ts";

/** Published versions never change, so their parsed definitions are kept; this bounds the memory. */
const maximumCachedVersions = 500;
const cache = new Map<string, Assistant>();

/** The definition a conversation runs: its published version, or the draft a preview captured. */
export async function definitionOf(executor: Executor, row: ConversationRow): Promise<Assistant | null> {
  if (row.previewDefinition) return row.previewDefinition;
  if (row.assistantId === null || row.assistantVersion === null) return null;
  return publishedDefinition(executor, row.assistantId, row.assistantVersion);
}

export async function publishedDefinition(
  executor: Executor,
  assistantId: string,
  version: number,
): Promise<Assistant | null> {
  const key = `${assistantId}/${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [found] = await executor
    .select({ definition: assistantVersions.definition })
    .from(assistantVersions)
    .where(and(eq(assistantVersions.assistantId, assistantId), eq(assistantVersions.version, version)));
  if (!found) return null;
  const definition = found.definition as Assistant;
  if (cache.size >= maximumCachedVersions) cache.delete(cache.keys().next().value as string);
  cache.set(key, definition);
  return definition;
}
