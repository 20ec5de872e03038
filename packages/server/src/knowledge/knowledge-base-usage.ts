import { sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import type { KnowledgeBaseUser } from "./knowledge-base-schemas.ts";

interface UsageRow {
  knowledge_base_id: string;
  id: string;
  internal_name: string;
  draft: boolean;
  live: boolean;
}

/**
 * Every interaction that reads a knowledge base, wherever it sits: in a dialog's interactions, as
 * its end, or inside a conditional branch's or business schedule's paths. `strict` because `.**`
 * in lax mode visits array elements twice; an object without `knowledgeBaseId` is skipped rather
 * than an error.
 */
const knowledgeBaseReferences = sql.raw(
  `'strict $.** ? ((@.kind == "article_deflection" || @.kind == "ai_response") && exists(@.knowledgeBaseId)).knowledgeBaseId'`,
);

/**
 * The assistants whose draft or live version has an article deflection or an AI response on a
 * knowledge base, by knowledge base id, in one statement: the references are read inside the
 * definitions, so nothing has to be kept in step (as for intents, intents/intent-usage.ts). With an
 * id, only that knowledge base's.
 */
export async function assistantsUsingKnowledgeBases(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId?: string,
): Promise<Map<string, KnowledgeBaseUser[]>> {
  const result = await executor.execute(sql`
    SELECT uses.knowledge_base_id, a.id, a.internal_name,
      bool_or(NOT uses.live) AS draft, bool_or(uses.live) AS live
    FROM assistants a
    LEFT JOIN assistant_versions v ON v.assistant_id = a.id AND v.version = a.live_version
    CROSS JOIN LATERAL (
      SELECT found.reference #>> '{}' AS knowledge_base_id, false AS live
      FROM jsonb_path_query(a.draft, ${knowledgeBaseReferences}, '{}', true) AS found(reference)
      UNION ALL
      SELECT found.reference #>> '{}', true
      FROM jsonb_path_query(COALESCE(v.definition, 'null'::jsonb), ${knowledgeBaseReferences}, '{}', true)
        AS found(reference)
    ) AS uses
    WHERE a.organization_id = ${organizationId}
      ${knowledgeBaseId === undefined ? sql`` : sql`AND uses.knowledge_base_id = ${knowledgeBaseId}`}
    GROUP BY uses.knowledge_base_id, a.id, a.internal_name
    ORDER BY lower(a.internal_name), a.id`);
  const users = new Map<string, KnowledgeBaseUser[]>();
  for (const row of (result as unknown as { rows: UsageRow[] }).rows) {
    const list = users.get(row.knowledge_base_id) ?? [];
    list.push({ id: row.id, internalName: row.internal_name, draft: row.draft, live: row.live });
    users.set(row.knowledge_base_id, list);
  }
  return users;
}
