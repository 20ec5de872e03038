import type { EngineEnvironment } from "@parley/engine";
import type { BusinessScheduleDefinition } from "@parley/model";
import { OrganizationCache } from "../data/organization-cache.ts";
import { customerAttributeValues, schedulesById, snippetValues } from "../data/runtime-data.ts";
import type { Executor } from "../database/connection.ts";
import { intentDetectionFor } from "../intents/turn-detection.ts";
import { definitionOf } from "./assistant-definitions.ts";
import type { ConversationRow } from "./conversation-store.ts";

interface OrganizationSettings {
  schedules: Record<string, BusinessScheduleDefinition>;
  snippets: Record<string, Record<string, string>>;
}

/**
 * Business hours and snippets change rarely and every turn reads them: each process
 * keeps them for a second, which takes two statements off most turns. An edit reaches
 * running conversations within that second, on every process.
 */
const settingsCache = new OrganizationCache<OrganizationSettings>(1000);

function organizationSettings(executor: Executor, organizationId: string): Promise<OrganizationSettings> {
  return settingsCache.get(organizationId, async () => ({
    schedules: await schedulesById(executor, organizationId),
    snippets: await snippetValues(executor, organizationId),
  }));
}

/**
 * The pure inputs of one turn, read before the engine runs: the engine itself never
 * reads the database. A linked customer's record is the truth for customer
 * attributes; otherwise what the assistant collected in this conversation is. The
 * definition is the one the runner has just read (kept per process, so no statement here).
 */
export async function environmentFor(
  executor: Executor,
  row: ConversationRow,
  now: number,
): Promise<EngineEnvironment> {
  const { schedules, snippets } = await organizationSettings(executor, row.organizationId);
  const record = row.customerId
    ? await customerAttributeValues(executor, row.organizationId, row.customerId)
    : {};
  const definition = await definitionOf(executor, row);
  const detectIntent = definition
    ? await intentDetectionFor(executor, row.organizationId, definition)
    : undefined;
  return {
    now,
    attributes: {
      conversation: row.attributes,
      customer: { ...row.customerAttributes, ...record.customer },
      ...(record.company ? { company: record.company } : {}),
      session: { ...row.session, authenticated: row.customerId !== null },
    },
    schedules,
    snippets,
    ...(detectIntent ? { detectIntent } : {}),
  };
}
