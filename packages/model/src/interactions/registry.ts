import type { AssistantType, Channel } from "../channels.ts";
import { type AnyInteractionKind, endInteractionKinds, interactionKinds } from "../interaction.ts";
import { aiResponseDefinition } from "./ai-response.ts";
import { articleDeflectionDefinition } from "./article-deflection.ts";
import { attributeQuestionDefinition } from "./attribute-question.ts";
import { businessScheduleDefinition } from "./business-schedule.ts";
import { buttonQuestionDefinition } from "./button-question.ts";
import { collectCustomerInputDefinition } from "./collect-customer-input.ts";
import { collectLanguagePreferenceDefinition } from "./collect-language-preference.ts";
import { conditionalBranchDefinition } from "./conditional-branch.ts";
import type { AnyInteraction, InteractionDefinition, InteractionPosition } from "./definition.ts";
import { endConversationDefinition } from "./end-conversation.ts";
import { listSelectorDefinition } from "./list-selector.ts";
import { navigationButtonsDefinition } from "./navigation-buttons.ts";
import { objectSelectorDefinition } from "./object-selector.ts";
import { playPromptDefinition } from "./play-prompt.ts";
import { redirectDefinition } from "./redirect.ts";
import { requestFeedbackDefinition } from "./request-feedback.ts";
import { runWorkflowDefinition } from "./run-workflow.ts";
import { sendMessageDefinition } from "./send-message.ts";
import { textQuestionDefinition } from "./text-question.ts";
import { transferDefinition } from "./transfer.ts";
import { updateAttributeDefinition } from "./update-attribute.ts";
import { voicemailDefinition } from "./voicemail.ts";

/**
 * One definition per interaction kind: validation, conversion, diffs, migration and the console read
 * these, as the engine reads its module per kind for behaviour. No I/O, so the console can bundle it.
 */
export type InteractionOfKind<Kind extends AnyInteractionKind> = Extract<AnyInteraction, { kind: Kind }>;

/** The type makes a missing or mismatched kind a compile error. */
const definitions: { [Kind in AnyInteractionKind]: InteractionDefinition<InteractionOfKind<Kind>> } = {
  send_message: sendMessageDefinition,
  text_question: textQuestionDefinition,
  button_question: buttonQuestionDefinition,
  attribute_question: attributeQuestionDefinition,
  conditional_branch: conditionalBranchDefinition,
  business_schedule: businessScheduleDefinition,
  object_selector: objectSelectorDefinition,
  run_workflow: runWorkflowDefinition,
  update_attribute: updateAttributeDefinition,
  play_prompt: playPromptDefinition,
  collect_customer_input: collectCustomerInputDefinition,
  collect_language_preference: collectLanguagePreferenceDefinition,
  request_feedback: requestFeedbackDefinition,
  ai_response: aiResponseDefinition,
  navigation_buttons: navigationButtonsDefinition,
  article_deflection: articleDeflectionDefinition,
  list_selector: listSelectorDefinition,
  redirect: redirectDefinition,
  transfer: transferDefinition,
  voicemail: voicemailDefinition,
  end_conversation: endConversationDefinition,
};

export const interactionDefinitions: Readonly<Record<AnyInteractionKind, InteractionDefinition>> =
  definitions;

export function interactionDefinition<Kind extends AnyInteractionKind>(
  kind: Kind,
): InteractionDefinition<InteractionOfKind<Kind>> {
  const found = definitions[kind];
  if (!found) throw new Error(`unknown interaction kind ${String(kind)}`);
  return found;
}

/** Whether `kind` names an interaction kind (a definition read from JSON may hold anything). */
export function isInteractionKind(kind: unknown): kind is AnyInteractionKind {
  return typeof kind === "string" && Object.hasOwn(definitions, kind);
}

/** Interactions without redirects, in the order of the "Add Interaction" menu. */
export const regularInteractionDefinitions: readonly InteractionDefinition[] = interactionKinds.map(
  (kind) => interactionDefinitions[kind],
);

/** End interactions, in the order of the "Add End Interaction" menu. */
export const endInteractionDefinitions: readonly InteractionDefinition[] = endInteractionKinds.map(
  (kind) => interactionDefinitions[kind],
);

export const allInteractionDefinitions: readonly InteractionDefinition[] = [
  ...regularInteractionDefinitions,
  ...endInteractionDefinitions,
];

export function isInteractionAvailable(
  kind: AnyInteractionKind,
  channel: Channel,
  assistantType: AssistantType,
): boolean {
  const { availability } = interactionDefinitions[kind];
  return availability.channels.includes(channel) && availability.assistantTypes.includes(assistantType);
}

export interface InteractionMenuFilter {
  channel: Channel;
  assistantType: AssistantType;
  /** End interactions only, or regular ones only; both when absent. */
  end?: boolean;
  /** Where the new interaction goes; inside a business schedule fewer kinds are allowed. */
  position?: InteractionPosition;
}

/** The kinds an admin may add, in menu order. */
export function availableInteractionKinds(filter: InteractionMenuFilter): AnyInteractionKind[] {
  return allInteractionDefinitions
    .filter((definition) => filter.end === undefined || definition.end === filter.end)
    .filter((definition) => isInteractionAvailable(definition.kind, filter.channel, filter.assistantType))
    .filter(
      (definition) =>
        filter.position === undefined || definition.availability.positions.includes(filter.position),
    )
    .map((definition) => definition.kind);
}

/** The kinds allowed at a position, in menu order, whatever the channel. */
export function interactionKindsAllowedAt(position: InteractionPosition): AnyInteractionKind[] {
  return allInteractionDefinitions
    .filter((definition) => definition.availability.positions.includes(position))
    .map((definition) => definition.kind);
}
