import type { Assistant } from "@parley/model";
import { customerAttributeValues } from "../data/runtime-data.ts";
import type { Executor } from "../database/connection.ts";
import { evaluateRules } from "../rules/evaluation.ts";
import type { EvaluationRequest } from "../rules/rule-schemas.ts";
import { definitionOf } from "./assistant-definitions.ts";
import type { ConversationRow } from "./conversation-store.ts";
import type { StartInput } from "./runner.ts";

export interface AssistantChoice {
  assistantId: string | null;
  version: number | null;
  ruleId: string | null;
  startDialogId: string | undefined;
  definition: Assistant | null;
}

/**
 * Which assistant a new conversation runs: the preview's draft, the first rule that matches
 * (spec 06), or the brand's default for the channel. Null when a proactive start finds no
 * proactive rule; a choice without an assistant when none runs, so the customer waits for an agent.
 */
export async function chooseAssistant(
  executor: Executor,
  input: StartInput,
): Promise<AssistantChoice | null> {
  if (input.preview) {
    return {
      assistantId: input.preview.assistantId,
      version: null,
      ruleId: null,
      startDialogId: input.preview.startDialogId,
      definition: input.preview.definition,
    };
  }
  const known = input.customerId
    ? await customerAttributeValues(executor, input.organizationId, input.customerId)
    : {};
  const customer = input.customerId ? { authenticated: true, attributes: known.customer ?? {} } : undefined;
  // Stored attribute values are already validated against their definitions.
  const request = {
    channel: input.channel,
    ...(input.brandId ? { brandId: input.brandId } : {}),
    ...input.ruleFacts,
    session: input.session,
    ...(customer ? { customer } : {}),
    ...(known.company ? { company: { attributes: known.company } } : {}),
    proactive: input.proactive ?? false,
  } as EvaluationRequest;
  const result = await evaluateRules(executor, input.organizationId, request);
  if (result.source === "none") {
    return input.proactive
      ? null
      : { assistantId: null, version: null, ruleId: null, startDialogId: undefined, definition: null };
  }
  const definition = await definitionOf(executor, {
    previewDefinition: null,
    assistantId: result.assistantId,
    assistantVersion: result.version,
  } as ConversationRow);
  return {
    assistantId: result.assistantId,
    version: result.version,
    ruleId: result.source === "rule" ? result.ruleId : null,
    startDialogId: result.startDialogId,
    definition,
  };
}
