import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";

/** An assistant that refers to something in its draft, its live version, or both. */
export interface ReferringAssistant {
  id: string;
  internalName: string;
  draft: boolean;
  live: boolean;
}

interface ReferenceRow {
  reference: string;
  id: string;
  internal_name: string;
  draft: boolean;
  live: boolean;
}

/**
 * The assistants whose draft or live version holds references found by a JSON path (one
 * `sql.raw` string, `strict` mode so `.**` visits each array element once), by referenced id,
 * in one statement: the references are read inside the definitions, so nothing has to be kept in
 * step. With `referenceId`, only the assistants referring to it.
 */
export async function assistantsReferencing(
  executor: Executor,
  organizationId: string,
  references: SQL,
  referenceId?: string,
): Promise<Map<string, ReferringAssistant[]>> {
  const result = await executor.execute(sql`
    SELECT uses.reference, a.id, a.internal_name,
      bool_or(NOT uses.live) AS draft, bool_or(uses.live) AS live
    FROM assistants a
    LEFT JOIN assistant_versions v ON v.assistant_id = a.id AND v.version = a.live_version
    CROSS JOIN LATERAL (
      SELECT found.reference #>> '{}' AS reference, false AS live
      FROM jsonb_path_query(a.draft, ${references}, '{}', true) AS found(reference)
      UNION ALL
      SELECT found.reference #>> '{}', true
      FROM jsonb_path_query(COALESCE(v.definition, 'null'::jsonb), ${references}, '{}', true)
        AS found(reference)
    ) AS uses
    WHERE a.organization_id = ${organizationId}
      ${referenceId === undefined ? sql`` : sql`AND uses.reference = ${referenceId}`}
    GROUP BY uses.reference, a.id, a.internal_name
    ORDER BY lower(a.internal_name), a.id`);
  const users = new Map<string, ReferringAssistant[]>();
  for (const row of (result as unknown as { rows: ReferenceRow[] }).rows) {
    const list = users.get(row.reference) ?? [];
    list.push({ id: row.id, internalName: row.internal_name, draft: row.draft, live: row.live });
    users.set(row.reference, list);
  }
  return users;
}
