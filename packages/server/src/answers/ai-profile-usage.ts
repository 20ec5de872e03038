import { sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import type { AiProfileUser } from "./ai-profile-schemas.ts";

interface UsageRow {
  ai_profile_id: string;
  id: string;
  internal_name: string;
  draft: boolean;
  live: boolean;
}

/**
 * Every `aiProfileId` in a definition, wherever it sits: the assistant's settings (the profile of
 * AI responses that name none) and each AI response, in a dialog's interactions or end or inside a
 * branch's paths. `strict` because `.**` in lax mode visits array elements twice.
 */
const aiProfileReferences = sql.raw(`'strict $.** ? (exists(@.aiProfileId)).aiProfileId'`);

/**
 * The assistants whose draft or live version names AI profiles, by profile id, in one statement:
 * the references are read inside the definitions, so nothing has to be kept in step (as for
 * knowledge bases, knowledge/knowledge-base-usage.ts). With an id, only that profile's.
 */
export async function assistantsUsingAiProfiles(
  executor: Executor,
  organizationId: string,
  aiProfileId?: string,
): Promise<Map<string, AiProfileUser[]>> {
  const result = await executor.execute(sql`
    SELECT uses.ai_profile_id, a.id, a.internal_name,
      bool_or(NOT uses.live) AS draft, bool_or(uses.live) AS live
    FROM assistants a
    LEFT JOIN assistant_versions v ON v.assistant_id = a.id AND v.version = a.live_version
    CROSS JOIN LATERAL (
      SELECT found.reference #>> '{}' AS ai_profile_id, false AS live
      FROM jsonb_path_query(a.draft, ${aiProfileReferences}, '{}', true) AS found(reference)
      UNION ALL
      SELECT found.reference #>> '{}', true
      FROM jsonb_path_query(COALESCE(v.definition, 'null'::jsonb), ${aiProfileReferences}, '{}', true)
        AS found(reference)
    ) AS uses
    WHERE a.organization_id = ${organizationId}
      ${aiProfileId === undefined ? sql`` : sql`AND uses.ai_profile_id = ${aiProfileId}`}
    GROUP BY uses.ai_profile_id, a.id, a.internal_name
    ORDER BY lower(a.internal_name), a.id`);
  const users = new Map<string, AiProfileUser[]>();
  for (const row of (result as unknown as { rows: UsageRow[] }).rows) {
    const list = users.get(row.ai_profile_id) ?? [];
    list.push({ id: row.id, internalName: row.internal_name, draft: row.draft, live: row.live });
    users.set(row.ai_profile_id, list);
  }
  return users;
}
