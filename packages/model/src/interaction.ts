import { z } from "zod";
import { AiResponse } from "./interactions/ai-response.ts";
import { ArticleDeflection } from "./interactions/article-deflection.ts";
import { AttributeQuestion } from "./interactions/attribute-question.ts";
import { type BusinessSchedule, businessScheduleSchema } from "./interactions/business-schedule.ts";
import { ButtonQuestion } from "./interactions/button-question.ts";
import { CollectCustomerInput } from "./interactions/collect-customer-input.ts";
import { CollectLanguagePreference } from "./interactions/collect-language-preference.ts";
import { type ConditionalBranch, conditionalBranchSchema } from "./interactions/conditional-branch.ts";
import { EndConversation } from "./interactions/end-conversation.ts";
import { provideInteractionUnion } from "./interactions/interaction-path.ts";
import { ListSelector } from "./interactions/list-selector.ts";
import { NavigationButtons } from "./interactions/navigation-buttons.ts";
import { ObjectSelector } from "./interactions/object-selector.ts";
import { PlayPrompt } from "./interactions/play-prompt.ts";
import { Redirect } from "./interactions/redirect.ts";
import { RequestFeedback } from "./interactions/request-feedback.ts";
import { RunWorkflow } from "./interactions/run-workflow.ts";
import { SendMessage } from "./interactions/send-message.ts";
import { TextQuestion } from "./interactions/text-question.ts";
import { Transfer } from "./interactions/transfer.ts";
import { UpdateAttribute } from "./interactions/update-attribute.ts";
import { Voicemail } from "./interactions/voicemail.ts";

/** Interactions without redirects: they run in order inside a dialog. */
export const interactionKinds = [
  "send_message",
  "text_question",
  "button_question",
  "attribute_question",
  "conditional_branch",
  "business_schedule",
  "object_selector",
  "run_workflow",
  "update_attribute",
  "play_prompt",
  "collect_customer_input",
  "collect_language_preference",
] as const;
export type InteractionKind = (typeof interactionKinds)[number];

/** End interactions: at most one per dialog, it links the dialog to the rest of the flow. */
export const endInteractionKinds = [
  "request_feedback",
  "ai_response",
  "navigation_buttons",
  "article_deflection",
  "list_selector",
  "redirect",
  "transfer",
  "voicemail",
  "end_conversation",
] as const;
export type EndInteractionKind = (typeof endInteractionKinds)[number];

export type AnyInteractionKind = InteractionKind | EndInteractionKind;
export const allInteractionKinds: readonly AnyInteractionKind[] = [
  ...interactionKinds,
  ...endInteractionKinds,
];

export type Interaction =
  | SendMessage
  | TextQuestion
  | ButtonQuestion
  | AttributeQuestion
  | ConditionalBranch
  | BusinessSchedule
  | ObjectSelector
  | RunWorkflow
  | UpdateAttribute
  | PlayPrompt
  | CollectCustomerInput
  | CollectLanguagePreference;

export type EndInteraction =
  | RequestFeedback
  | AiResponse
  | NavigationButtons
  | ArticleDeflection
  | ListSelector
  | Redirect
  | Transfer
  | Voicemail
  | EndConversation;

function unknownKindMessage(kinds: readonly string[]) {
  return (issue: { input?: unknown }) => {
    const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
    return kind === undefined
      ? `needs a "kind", one of: ${kinds.join(", ")}`
      : `unknown kind ${JSON.stringify(kind)}; expected one of: ${kinds.join(", ")}`;
  };
}

// Conditional branches and business schedules hold interactions, so the union refers to itself. Only that
// reference is lazy (interaction-path.ts): the container schemas are built here, at import, so every named
// schema is registered before anything (such as the OpenAPI document) lists them.
export const Interaction: z.ZodType<Interaction> = z
  .discriminatedUnion(
    "kind",
    [
      SendMessage,
      TextQuestion,
      ButtonQuestion,
      AttributeQuestion,
      conditionalBranchSchema(),
      businessScheduleSchema(),
      ObjectSelector,
      RunWorkflow,
      UpdateAttribute,
      PlayPrompt,
      CollectCustomerInput,
      CollectLanguagePreference,
    ],
    { error: unknownKindMessage(interactionKinds) },
  )
  .meta({ id: "Interaction" }) as unknown as z.ZodType<Interaction>;
provideInteractionUnion(Interaction);

export const EndInteraction = z
  .discriminatedUnion(
    "kind",
    [
      RequestFeedback,
      AiResponse,
      NavigationButtons,
      ArticleDeflection,
      ListSelector,
      Redirect,
      Transfer,
      Voicemail,
      EndConversation,
    ],
    { error: unknownKindMessage(endInteractionKinds) },
  )
  .meta({ id: "EndInteraction" });

export type {
  AiResponse,
  ArticleDeflection,
  AttributeQuestion,
  BusinessSchedule,
  ButtonQuestion,
  CollectCustomerInput,
  CollectLanguagePreference,
  ConditionalBranch,
  EndConversation,
  ListSelector,
  NavigationButtons,
  ObjectSelector,
  PlayPrompt,
  Redirect,
  RequestFeedback,
  RunWorkflow,
  SendMessage,
  TextQuestion,
  Transfer,
  UpdateAttribute,
  Voicemail,
};
