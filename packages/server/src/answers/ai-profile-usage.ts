import { sql } from "drizzle-orm";
import { assistantsReferencing } from "../assistants/definition-references.ts";
import type { Executor } from "../database/connection.ts";
import type { AiProfileUser } from "./ai-profile-schemas.ts";

/**
 * Every `aiProfileId` in a definition, wherever it sits: the assistant's settings (the profile of
 * AI responses that name none) and each AI response, in a dialog's interactions or end or inside a
 * branch's paths.
 */
const aiProfileReferences = sql.raw(`'strict $.** ? (exists(@.aiProfileId)).aiProfileId'`);

/** The assistants whose draft or live version names AI profiles, by profile id; with an id, only that profile's. */
export function assistantsUsingAiProfiles(
  executor: Executor,
  organizationId: string,
  aiProfileId?: string,
): Promise<Map<string, AiProfileUser[]>> {
  return assistantsReferencing(executor, organizationId, aiProfileReferences, aiProfileId);
}
