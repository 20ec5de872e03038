import { assistantsReferencing, interactionReferencePaths } from "../assistants/definition-references.ts";
import type { Executor } from "../database/connection.ts";
import type { KnowledgeBaseUser } from "./knowledge-base-schemas.ts";

/** Every interaction that reads a knowledge base (article deflections, AI responses), wherever it sits. */
const knowledgeBaseReferences = interactionReferencePaths("knowledge_base");

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
