import { allInteractionDefinitions, type ReferenceTarget } from "@parley/model";
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

/** `buttons[].dialogId` → `.buttons[*].dialogId`; the model's field names are plain identifiers. */
function jsonPathAccessor(fieldPath: string): string {
  return fieldPath
    .split(".")
    .map((part) => {
      if (part === "*") return ".*";
      const name = part.endsWith("[]") ? part.slice(0, -2) : part;
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`unexpected field name in ${fieldPath}`);
      return part.endsWith("[]") ? `.${name}[*]` : `.${name}`;
    })
    .join("");
}

/**
 * SQL/JSON paths (one per field) to every reference to `target` in any interaction, wherever it
 * sits: in a dialog's interactions, as its end, or inside a conditional branch's or business
 * schedule's paths. Read from the model's interaction definitions, so a new kind is found without
 * a change here. An object of the right kind without the field is skipped rather than an error.
 */
export function interactionReferencePaths(target: ReferenceTarget): SQL[] {
  const kindsByField = new Map<string, string[]>();
  for (const definition of allInteractionDefinitions) {
    for (const reference of definition.references) {
      if (reference.target !== target) continue;
      kindsByField.set(reference.path, [...(kindsByField.get(reference.path) ?? []), definition.kind]);
    }
  }
  return [...kindsByField].map(([field, kinds]) => {
    const accessor = jsonPathAccessor(field);
    const kindTest = kinds.map((kind) => `@.kind == "${kind}"`).join(" || ");
    return sql.raw(`'strict $.** ? ((${kindTest}) && exists(@${accessor}))${accessor}'`);
  });
}

/**
 * The assistants whose draft or live version holds references found by JSON paths (`sql.raw`
 * strings, `strict` mode so `.**` visits each array element once), by referenced id, in one
 * statement: the references are read inside the definitions, so nothing has to be kept in step.
 * With `referenceId`, only the assistants referring to it.
 */
export async function assistantsReferencing(
  executor: Executor,
  organizationId: string,
  references: readonly SQL[],
  referenceId?: string,
): Promise<Map<string, ReferringAssistant[]>> {
  const users = new Map<string, ReferringAssistant[]>();
  if (references.length === 0) return users;
  const uses = sql.join(
    references.flatMap((path) => [
      sql`SELECT found.reference #>> '{}' AS reference, false AS live
      FROM jsonb_path_query(a.draft, ${path}, '{}', true) AS found(reference)`,
      sql`SELECT found.reference #>> '{}', true
      FROM jsonb_path_query(COALESCE(v.definition, 'null'::jsonb), ${path}, '{}', true) AS found(reference)`,
    ]),
    sql` UNION ALL `,
  );
  const result = await executor.execute(sql`
    SELECT uses.reference, a.id, a.internal_name,
      bool_or(NOT uses.live) AS draft, bool_or(uses.live) AS live
    FROM assistants a
    LEFT JOIN assistant_versions v ON v.assistant_id = a.id AND v.version = a.live_version
    CROSS JOIN LATERAL (${uses}) AS uses
    WHERE a.organization_id = ${organizationId}
      ${referenceId === undefined ? sql`` : sql`AND uses.reference = ${referenceId}`}
    GROUP BY uses.reference, a.id, a.internal_name
    ORDER BY lower(a.internal_name), a.id`);
  for (const row of (result as unknown as { rows: ReferenceRow[] }).rows) {
    const list = users.get(row.reference) ?? [];
    list.push({ id: row.id, internalName: row.internal_name, draft: row.draft, live: row.live });
    users.set(row.reference, list);
  }
  return users;
}
