import type { AnyInteractionKind } from "@parley/model";
import type { InteractionModule } from "../outcome.ts";
import { aiResponse } from "./ai-response.ts";
import { articleDeflection } from "./article-deflection.ts";
import { attributeQuestion } from "./attribute-question.ts";
import { businessSchedule } from "./business-schedule.ts";
import { buttonQuestion } from "./button-question.ts";
import { collectCustomerInput } from "./collect-customer-input.ts";
import { collectLanguagePreference } from "./collect-language-preference.ts";
import { conditionalBranch } from "./conditional-branch.ts";
import { endConversation } from "./end-conversation.ts";
import { listSelector } from "./list-selector.ts";
import { navigationButtons } from "./navigation-buttons.ts";
import { objectSelector } from "./object-selector.ts";
import { playPrompt } from "./play-prompt.ts";
import { redirect } from "./redirect.ts";
import { requestFeedback } from "./request-feedback.ts";
import { runWorkflow } from "./run-workflow.ts";
import { sendMessage } from "./send-message.ts";
import { textQuestion } from "./text-question.ts";
import { transfer } from "./transfer.ts";
import { updateAttribute } from "./update-attribute.ts";
import { voicemail } from "./voicemail.ts";

/** Every kind has exactly one module; the type makes a missing one a compile error. */
const modules: { [Kind in AnyInteractionKind]: InteractionModule<Kind> } = {
  send_message: sendMessage,
  text_question: textQuestion,
  button_question: buttonQuestion,
  attribute_question: attributeQuestion,
  conditional_branch: conditionalBranch,
  business_schedule: businessSchedule,
  object_selector: objectSelector,
  run_workflow: runWorkflow,
  update_attribute: updateAttribute,
  play_prompt: playPrompt,
  collect_customer_input: collectCustomerInput,
  collect_language_preference: collectLanguagePreference,
  request_feedback: requestFeedback,
  ai_response: aiResponse,
  navigation_buttons: navigationButtons,
  article_deflection: articleDeflection,
  list_selector: listSelector,
  redirect,
  transfer,
  voicemail,
  end_conversation: endConversation,
};

export function interactionModule<Kind extends AnyInteractionKind>(kind: Kind): InteractionModule<Kind> {
  const found = modules[kind];
  if (!found) throw new Error(`unknown interaction kind ${String(kind)}`);
  return found;
}
