import { hasErrors, validateAssistant } from "@parley/model";
import { type NewAssistantRequest, newAssistantDefinition } from "../assistants/creation.ts";
import { newAssistantIdentity } from "../assistants/identity.ts";
import { insertAssistant, setLiveVersion } from "../assistants/store.ts";
import { insertNextVersion } from "../assistants/versions.ts";
import { createBrand } from "../data/brands.ts";
import { createSchedule } from "../data/schedules.ts";
import { createTeam } from "../data/teams.ts";
import type { Transaction } from "../database/connection.ts";
import { importArticles } from "../knowledge/article-import.ts";
import { createKnowledgeBase } from "../knowledge/knowledge-base-store.ts";
import { setDefaultAssistant } from "../rules/default-assistants.ts";
import { demoHelpCenterArticles } from "./demo-help-center.ts";

const weekday = [{ start: "09:00", end: "17:00" }];

/** Creates and publishes an assistant from a template, as `POST /v1/assistants` and `/publish` would. */
async function publishedAssistant(
  transaction: Transaction,
  organizationId: string,
  request: NewAssistantRequest,
): Promise<string> {
  const definition = newAssistantDefinition(request, newAssistantIdentity());
  const { problems } = validateAssistant(definition);
  if (hasErrors(problems)) throw new Error(`the ${request.template} template does not validate`);
  const row = await insertAssistant(transaction, organizationId, definition);
  const version = await insertNextVersion(transaction, row, definition, null);
  await setLiveVersion(transaction, row, version.version);
  return row.id;
}

/**
 * The demo organization's content (first start only): a brand whose web chat
 * starts the published tutorial assistant, the tutorial's teams, support
 * hours, the brand's public help center, the published respond-with-AI
 * assistant that answers from it, and the tutorial by SMS as the brand's SMS assistant.
 */
export async function createDemoContent(transaction: Transaction, organizationId: string): Promise<void> {
  const brand = await createBrand(transaction, organizationId, { name: "Demo Store" });
  for (const name of ["CX", "Sales", "Shipping"]) await createTeam(transaction, organizationId, { name });
  await createSchedule(transaction, organizationId, {
    name: "Support hours",
    timeZone: "America/New_York",
    hours: { monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday },
    holidays: [{ date: "2026-12-25", name: "Christmas Day" }],
  });
  const tutorial = await publishedAssistant(transaction, organizationId, {
    internalName: "Tutorial assistant",
    publicName: "Demo Store Bot",
    channel: "chat",
    type: "lite",
    template: "tutorial",
  });
  const helpCenter = await createKnowledgeBase(transaction, organizationId, {
    brandId: brand.id,
    name: "Demo Store Help Center",
    defaultLanguage: "en",
    // Served by Parley itself (/help/...), so the demo's links work without a website.
    publicUrl: null,
  });
  await importArticles(transaction, organizationId, helpCenter.id, demoHelpCenterArticles());
  await publishedAssistant(transaction, organizationId, {
    knowledgeBaseId: helpCenter.id,
    internalName: "Respond with AI",
    publicName: "Demo Store Bot",
    channel: "chat",
    type: "premium",
    template: "respond-with-ai",
  });
  await setDefaultAssistant(transaction, organizationId, brand.id, "chat", tutorial);
  // The tutorial by text message: what a number connected through Twilio or MessageBird, or
  // `parley channels simulate`, reaches out of the box.
  const bySms = await publishedAssistant(transaction, organizationId, {
    internalName: "SMS assistant",
    publicName: "Demo Store Bot",
    channel: "sms",
    type: "lite",
    template: "tutorial",
  });
  await setDefaultAssistant(transaction, organizationId, brand.id, "sms", bySms);
}
