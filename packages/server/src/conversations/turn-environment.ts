import type { EngineEnvironment } from "@parley/engine";
import { customerAttributeValues, schedulesById, snippetValues } from "../data/runtime-data.ts";
import type { Executor } from "../database/connection.ts";
import type { ConversationRow } from "./conversation-store.ts";

/**
 * The pure inputs of one turn, read before the engine runs: the engine itself never
 * reads the database. A linked customer's record is the truth for customer
 * attributes; otherwise what the assistant collected in this conversation is.
 */
export async function environmentFor(
  executor: Executor,
  row: ConversationRow,
  now: number,
): Promise<EngineEnvironment> {
  const [schedules, snippets, record] = [
    await schedulesById(executor, row.organizationId),
    await snippetValues(executor, row.organizationId),
    row.customerId ? await customerAttributeValues(executor, row.organizationId, row.customerId) : {},
  ];
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
  };
}
