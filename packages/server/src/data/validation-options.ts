import type { ValidationOptions } from "@parley/model";
import type { Executor } from "../database/connection.ts";
import { klassDefinitions } from "./klasses.ts";
import { allSchedules } from "./schedules.ts";
import { allSnippets } from "./snippets.ts";

/**
 * What an assistant of this organization may refer to, for validation at publish time: its
 * Klasses (standard ones with their custom attributes), snippet names and business schedule ids.
 * Knowledge bases, workflows and intents are left out until they are stored, so validation does
 * not check them rather than rejecting every reference.
 */
export async function validationOptionsFor(
  executor: Executor,
  organizationId: string,
): Promise<ValidationOptions> {
  // One after another: inside a transaction the executor is one connection, which runs one query at a time.
  const klasses = await klassDefinitions(executor, organizationId);
  const snippets = await allSnippets(executor, organizationId);
  const schedules = await allSchedules(executor, organizationId);
  return {
    klasses,
    snippets: snippets.map((snippet) => snippet.name),
    schedules: schedules.map((schedule) => schedule.id),
  };
}
