import { randomUUID } from "node:crypto";
import type { Assistant } from "@parley/model";
import { customerAttributeValues } from "../data/runtime-data.ts";
import type { Executor } from "../database/connection.ts";
import { conversations } from "../database/schema/index.ts";
import { evaluateRules } from "../rules/evaluation.ts";
import type { EvaluationRequest } from "../rules/rule-schemas.ts";
import { definitionOf } from "./assistant-definitions.ts";
import type { ConversationRow } from "./conversation-store.ts";
import type { StartInput } from "./runner.ts";
import { storableJson } from "./storable-json.ts";

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

/** The new conversation's row, running what `choice` picked. */
export async function insertConversation(
  executor: Executor,
  input: StartInput,
  choice: AssistantChoice,
  now: number,
): Promise<ConversationRow> {
  const language = typeof input.session.language === "string" ? input.session.language : "en";
  const [inserted] = await executor
    .insert(conversations)
    .values({
      id: randomUUID(),
      organizationId: input.organizationId,
      brandId: input.brandId,
      channel: input.channel,
      assistantId: choice.assistantId,
      assistantVersion: choice.version,
      preview: input.preview !== undefined,
      previewDefinition: input.preview?.definition ?? null,
      ruleId: choice.ruleId,
      customerId: input.customerId,
      session: storableJson(input.session),
      language: choice.definition?.defaultLanguage ?? language,
      visitorTokenHash: input.visitorTokenHash ?? null,
      channelConnectionId: input.contact?.connectionId ?? null,
      customerAddress: input.contact?.address ?? null,
      startedAt: new Date(now),
      updatedAt: new Date(now),
    })
    .returning();
  if (!inserted) throw new Error("the conversation was not stored");
  return inserted;
}
