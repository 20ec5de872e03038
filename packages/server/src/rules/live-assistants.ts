import type { Channel } from "@parley/model";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { assistants, assistantVersions } from "../database/schema/index.ts";

/** What rules need to know of an assistant: its channel and, when published, its live version. */
export interface AssistantForRules {
  id: string;
  channel: Channel;
  /** The published version; null when the assistant is not published. */
  liveVersion: number | null;
}

/** An assistant of the organization, or null when it has none with this id. */
export async function findAssistantForRules(
  executor: Executor,
  organizationId: string,
  assistantId: string,
): Promise<AssistantForRules | null> {
  const [row] = await executor
    .select({ id: assistants.id, channel: assistants.channel, liveVersion: assistants.liveVersion })
    .from(assistants)
    .where(and(eq(assistants.id, assistantId), eq(assistants.organizationId, organizationId)))
    .limit(1);
  return row ? { id: row.id, channel: row.channel as Channel, liveVersion: row.liveVersion } : null;
}

/**
 * The dialog ids of a published version, Welcome first. Only the ids are read
 * (in SQL), since definitions can be large and evaluation runs per conversation.
 */
export async function dialogIdsOfVersion(
  executor: Executor,
  assistantId: string,
  version: number,
): Promise<string[]> {
  const [row] = await executor
    .select({
      dialogIds: sql<string[]>`jsonb_path_query_array(${assistantVersions.definition}, '$.dialogs[*].id')`,
    })
    .from(assistantVersions)
    .where(and(eq(assistantVersions.assistantId, assistantId), eq(assistantVersions.version, version)))
    .limit(1);
  return row?.dialogIds ?? [];
}
