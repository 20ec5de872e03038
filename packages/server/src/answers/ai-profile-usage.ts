import { sql } from "drizzle-orm";
import { assistantsReferencing, interactionReferencePaths } from "../assistants/definition-references.ts";
import type { Executor } from "../database/connection.ts";
import type { AiProfileUser } from "./ai-profile-schemas.ts";

/**
 * Every AI profile a definition names: in the assistant's settings (the profile of AI responses
 * that name none) and in each interaction that names one, wherever it sits.
 */
const aiProfileReferences = [
  sql.raw(`'strict $.settings.aiProfileId'`),
  ...interactionReferencePaths("ai_profile"),
];

/** The assistants whose draft or live version names AI profiles, by profile id; with an id, only that profile's. */
export function assistantsUsingAiProfiles(
  executor: Executor,
  organizationId: string,
  aiProfileId?: string,
): Promise<Map<string, AiProfileUser[]>> {
  return assistantsReferencing(executor, organizationId, aiProfileReferences, aiProfileId);
}
