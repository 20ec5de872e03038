import type { ValidationOptions } from "@parley/model";
import { predefinedIntentNames } from "@parley/nlu/predefined";
import type { Executor } from "../database/connection.ts";
import { customIntentNames } from "../intents/intent-store.ts";
import { klassDefinitions } from "./klasses.ts";
import { allSchedules } from "./schedules.ts";
import { allSnippets } from "./snippets.ts";

/**
 * What an assistant of this organization may refer to, for validation at publish time: its
 * Klasses (standard ones with their custom attributes), snippet names, business schedule ids and
 * intents (the predefined ones and its custom ones). Knowledge bases and workflows are left out
 * until they are stored, so validation does not check them rather than rejecting every reference.
 */
export async function validationOptionsFor(
  executor: Executor,
  organizationId: string,
): Promise<ValidationOptions> {
  // One after another: inside a transaction the executor is one connection, which runs one query at a time.
  const klasses = await klassDefinitions(executor, organizationId);
  const snippets = await allSnippets(executor, organizationId);
  const schedules = await allSchedules(executor, organizationId);
  const custom = await customIntentNames(executor, organizationId);
  return {
    klasses,
    snippets: snippets.map((snippet) => snippet.name),
    schedules: schedules.map((schedule) => schedule.id),
    intents: [...predefinedIntentNames, ...custom],
  };
}
