import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { assistants, rules } from "../database/schema/index.ts";
import { type AudienceFacts, audienceMatches } from "./audience.ts";
import { findDefaultAssistant } from "./default-assistants.ts";
import { dialogIdsOfVersion, findAssistantForRules } from "./live-assistants.ts";
import { requireBrand } from "./rule-checks.ts";
import type { EvaluationRequest, EvaluationResult } from "./rule-schemas.ts";

function factsOf(request: EvaluationRequest): AudienceFacts {
  return {
    customerAuthenticated: request.customer?.authenticated ?? false,
    customer: request.customer?.attributes,
    company: request.company?.attributes,
    conversation: request.conversation?.attributes,
    message: request.message,
    session: request.session,
  };
}

/** A rule naming a number or WhatsApp sender only answers conversations that arrived there. */
function addressMatches(
  rule: { phoneNumber: string | null; whatsappId: string | null },
  request: EvaluationRequest,
): boolean {
  if (rule.phoneNumber !== null && rule.phoneNumber !== request.phoneNumber) return false;
  if (rule.whatsappId !== null && rule.whatsappId !== request.whatsappId) return false;
  return true;
}

/**
 * Which assistant, and which of its dialogs, a conversation starts with: the
 * first enabled rule, in order, that fits; else the brand's default assistant
 * for the channel; else none. Assistants unpublished since a rule was written
 * are passed over, and so is a rule whose start dialog the live version no
 * longer has (starting elsewhere than the rule says would surprise its author).
 * A proactive request asks whether to open a chat unprompted, so only
 * proactive rules answer it and the default assistant never does.
 */
export async function evaluateRules(
  executor: Executor,
  organizationId: string,
  request: EvaluationRequest,
): Promise<EvaluationResult> {
  if (request.brandId !== undefined) await requireBrand(executor, organizationId, request.brandId);
  const candidates = await executor
    .select({
      id: rules.id,
      assistantId: rules.assistantId,
      startDialogId: rules.startDialogId,
      audience: rules.audience,
      phoneNumber: rules.phoneNumber,
      whatsappId: rules.whatsappId,
      liveVersion: assistants.liveVersion,
    })
    .from(rules)
    .innerJoin(assistants, eq(assistants.id, rules.assistantId))
    .where(
      and(
        eq(rules.organizationId, organizationId),
        eq(rules.channel, request.channel),
        eq(rules.enabled, true),
        eq(rules.proactive, request.proactive),
        eq(assistants.channel, request.channel),
        request.brandId === undefined
          ? isNull(rules.brandId)
          : or(isNull(rules.brandId), eq(rules.brandId, request.brandId)),
      ),
    )
    .orderBy(asc(rules.position));

  const facts = factsOf(request);
  const dialogIdsByVersion = new Map<string, string[]>();
  const dialogIds = async (assistantId: string, version: number) => {
    const key = `${assistantId}/${version}`;
    let ids = dialogIdsByVersion.get(key);
    if (!ids) {
      ids = await dialogIdsOfVersion(executor, assistantId, version);
      dialogIdsByVersion.set(key, ids);
    }
    return ids;
  };

  for (const rule of candidates) {
    if (rule.liveVersion === null) continue;
    if (!addressMatches(rule, request) || !audienceMatches(rule.audience, facts)) continue;
    const ids = await dialogIds(rule.assistantId, rule.liveVersion);
    const startDialogId = rule.startDialogId ?? ids[0];
    if (startDialogId === undefined || !ids.includes(startDialogId)) continue;
    return {
      source: "rule",
      ruleId: rule.id,
      assistantId: rule.assistantId,
      version: rule.liveVersion,
      startDialogId,
    };
  }

  if (request.proactive || request.brandId === undefined) return { source: "none" };
  const defaultId = await findDefaultAssistant(executor, organizationId, request.brandId, request.channel);
  if (defaultId === null) return { source: "none" };
  const assistant = await findAssistantForRules(executor, organizationId, defaultId);
  if (!assistant || assistant.liveVersion === null || assistant.channel !== request.channel) {
    return { source: "none" };
  }
  const [welcome] = await dialogIds(assistant.id, assistant.liveVersion);
  if (welcome === undefined) return { source: "none" };
  return {
    source: "default",
    assistantId: assistant.id,
    version: assistant.liveVersion,
    startDialogId: welcome,
  };
}
