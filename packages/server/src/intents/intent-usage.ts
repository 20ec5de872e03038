import { sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import type { IntentUser } from "./intent-schemas.ts";

interface UsageRow {
  intent: string;
  id: string;
  internal_name: string;
  draft: boolean;
  live: boolean;
}

/**
 * The assistants whose draft or live version maps intents to dialogs, by intent name, in one
 * statement: the mappings are read inside the definitions, so nothing has to be kept in step.
 * With a name, only that intent's.
 */
export async function assistantsUsingIntents(
  executor: Executor,
  organizationId: string,
  name?: string,
): Promise<Map<string, IntentUser[]>> {
  const result = await executor.execute(sql`
    SELECT uses.intent, a.id, a.internal_name, bool_or(NOT uses.live) AS draft, bool_or(uses.live) AS live
    FROM assistants a
    LEFT JOIN assistant_versions v ON v.assistant_id = a.id AND v.version = a.live_version
    CROSS JOIN LATERAL (
      SELECT mapping->>'intent' AS intent, false AS live
      FROM jsonb_array_elements(COALESCE(a.draft->'intents', '[]'::jsonb)) AS mapping
      UNION ALL
      SELECT mapping->>'intent', true
      FROM jsonb_array_elements(COALESCE(v.definition->'intents', '[]'::jsonb)) AS mapping
    ) AS uses
    WHERE a.organization_id = ${organizationId}
      ${name === undefined ? sql`` : sql`AND uses.intent = ${name}`}
    GROUP BY uses.intent, a.id, a.internal_name
    ORDER BY lower(a.internal_name), a.id`);
  const users = new Map<string, IntentUser[]>();
  for (const row of (result as unknown as { rows: UsageRow[] }).rows) {
    const list = users.get(row.intent) ?? [];
    list.push({ id: row.id, internalName: row.internal_name, draft: row.draft, live: row.live });
    users.set(row.intent, list);
  }
  return users;
}
