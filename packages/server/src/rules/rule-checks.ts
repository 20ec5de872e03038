import type { Channel } from "@parley/model";
import { brandExists } from "../data/brands.ts";
import type { Executor } from "../database/connection.ts";
import { ApiError, notFound, type ProblemDetail } from "../http/errors.ts";
import { type AssistantForRules, dialogIdsOfVersion, findAssistantForRules } from "./live-assistants.ts";
import type { RuleInput } from "./rule-schemas.ts";

/** Channels whose conversations arrive at a phone number a rule can name (spec 06). */
export const phoneNumberChannels: readonly Channel[] = ["sms", "voice", "whatsapp", "twilio_whatsapp"];
/** Channels whose conversations arrive at a WhatsApp sender id (MessageBird's channel id, Meta's phone number id). */
export const whatsappIdChannels: readonly Channel[] = ["whatsapp", "messagebird_whatsapp"];

function problem(path: string, code: string, message: string): ProblemDetail {
  return { in: "body", path, code, message };
}

/** Raised when a well-formed request breaks a rule of the product; every problem is listed. */
export function invalid(code: string, what: string, problems: ProblemDetail[]): ApiError {
  return new ApiError(422, code, `${what} cannot be saved: ${problems.length} problem(s).`, { problems });
}

/** Fields that are each valid but do not go with the rule's channel. */
export function channelProblems(input: RuleInput): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const { channel } = input;
  if (input.proactive && channel !== "chat") {
    problems.push(
      problem("/proactive", "proactive_needs_chat", "Proactive chat is only available for chat."),
    );
  }
  if (input.phoneNumber !== null && !phoneNumberChannels.includes(channel)) {
    problems.push(
      problem(
        "/phoneNumber",
        "phone_number_not_for_channel",
        `A ${channel} rule cannot name a phone number; phone numbers are for ${phoneNumberChannels.join(", ")}.`,
      ),
    );
  }
  if (input.whatsappId !== null && !whatsappIdChannels.includes(channel)) {
    problems.push(
      problem(
        "/whatsappId",
        "whatsapp_id_not_for_channel",
        `A ${channel} rule cannot name a WhatsApp id; WhatsApp ids are for ${whatsappIdChannels.join(", ")}.`,
      ),
    );
  }
  input.audience.conditions.forEach((condition, index) => {
    if (condition.scope === "session" && channel !== "chat") {
      problems.push(
        problem(
          `/audience/conditions/${index}/scope`,
          "session_needs_chat",
          "Session fields (pages, time on page, language, user agent) are only known for chat.",
        ),
      );
    }
  });
  return problems;
}

/**
 * Problems with an assistant chosen for a channel: it must be published and
 * serve that channel. A missing assistant (or another organization's) is a 404.
 */
export async function assistantProblems(
  executor: Executor,
  organizationId: string,
  assistantId: string,
  channel: Channel,
): Promise<{ assistant: AssistantForRules; problems: ProblemDetail[] }> {
  const assistant = await findAssistantForRules(executor, organizationId, assistantId);
  if (!assistant) throw notFound("Assistant", assistantId);
  const problems: ProblemDetail[] = [];
  if (assistant.liveVersion === null) {
    problems.push(
      problem(
        "/assistantId",
        "assistant_not_published",
        "Only published assistants can have rules or be a default assistant; publish it first.",
      ),
    );
  }
  if (assistant.channel !== channel) {
    problems.push(
      problem(
        "/assistantId",
        "assistant_channel_mismatch",
        `The assistant serves ${assistant.channel}, not ${channel}.`,
      ),
    );
  }
  return { assistant, problems };
}

export async function requireBrand(
  executor: Executor,
  organizationId: string,
  brandId: string,
): Promise<void> {
  if (!(await brandExists(executor, organizationId, brandId))) throw notFound("Brand", brandId);
}

/**
 * Everything a rule must satisfy beyond its schema. Unknown ids answer 404
 * before anything else; the remaining problems answer 422 together.
 */
export async function checkRule(executor: Executor, organizationId: string, input: RuleInput): Promise<void> {
  if (input.brandId !== null) await requireBrand(executor, organizationId, input.brandId);
  const { assistant, problems: assistantIssues } = await assistantProblems(
    executor,
    organizationId,
    input.assistantId,
    input.channel,
  );
  const problems = [...channelProblems(input), ...assistantIssues];
  if (input.startDialogId !== null && assistant.liveVersion !== null) {
    const dialogIds = await dialogIdsOfVersion(executor, assistant.id, assistant.liveVersion);
    if (!dialogIds.includes(input.startDialogId)) {
      problems.push(
        problem(
          "/startDialogId",
          "start_dialog_not_found",
          `The published version ${assistant.liveVersion} of the assistant has no dialog "${input.startDialogId}".`,
        ),
      );
    }
  }
  if (problems.length > 0) throw invalid("invalid_rule", "The rule", problems);
}
