import { sql } from "drizzle-orm";
import { assistantsReferencing } from "../assistants/definition-references.ts";
import type { Executor } from "../database/connection.ts";
import type { KnowledgeBaseUser } from "./knowledge-base-schemas.ts";

/**
 * Every interaction that reads a knowledge base, wherever it sits: in a dialog's interactions, as
 * its end, or inside a conditional branch's or business schedule's paths. An object without
 * `knowledgeBaseId` is skipped rather than an error.
 */
const knowledgeBaseReferences = sql.raw(
  `'strict $.** ? ((@.kind == "article_deflection" || @.kind == "ai_response") && exists(@.knowledgeBaseId)).knowledgeBaseId'`,
);

/**
 * The assistants whose draft or live version has an article deflection or an AI response on a
 * knowledge base, by knowledge base id. With an id, only that knowledge base's.
 */
export function assistantsUsingKnowledgeBases(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId?: string,
): Promise<Map<string, KnowledgeBaseUser[]>> {
  return assistantsReferencing(executor, organizationId, knowledgeBaseReferences, knowledgeBaseId);
}
