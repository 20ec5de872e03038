import { Alert } from "@mantine/core";
import type { AnyInteractionKind, EndInteraction, Interaction } from "@parley/model";
import type { ComponentType } from "react";
import { strings } from "../../strings/index.ts";
import { AiResponseForm } from "./ai-response-form.tsx";
import { ArticleDeflectionForm } from "./article-deflection-form.tsx";
import { AttributeQuestionForm } from "./attribute-question-form.tsx";
import { BusinessScheduleForm } from "./business-schedule-form.tsx";
import { ButtonQuestionForm } from "./button-question-form.tsx";
import { CollectCustomerInputForm } from "./collect-customer-input-form.tsx";
import { CollectLanguagePreferenceForm } from "./collect-language-preference-form.tsx";
import { ConditionalBranchForm } from "./conditional-branch-form.tsx";
import { EndConversationForm } from "./end-conversation-form.tsx";
import { ListSelectorForm } from "./list-selector-form.tsx";
import { NavigationButtonsForm } from "./navigation-buttons-form.tsx";
import { ObjectSelectorForm } from "./object-selector-form.tsx";
import { PlayPromptForm } from "./play-prompt-form.tsx";
import { RedirectForm } from "./redirect-form.tsx";
import { RequestFeedbackForm } from "./request-feedback-form.tsx";
import { RunWorkflowForm } from "./run-workflow-form.tsx";
import { SendMessageForm } from "./send-message-form.tsx";
import { TextQuestionForm } from "./text-question-form.tsx";
import { TransferForm } from "./transfer-form.tsx";
import { UpdateAttributeForm } from "./update-attribute-form.tsx";
import { VoicemailForm } from "./voicemail-form.tsx";

/** The contract between the dialog editor and every kind's form (one module per kind in this folder). */
export interface InteractionFormProps<T extends Interaction | EndInteraction = Interaction | EndInteraction> {
  interaction: T;
  /** JSON pointer of the interaction in the definition: its fields' problems are under it. */
  pointer: string;
  /** Changes this interaction in the working copy (an immer draft of it). */
  update(recipe: (interaction: T) => void): void;
  readOnly: boolean;
}

type OfKind<K extends AnyInteractionKind> = Extract<Interaction | EndInteraction, { kind: K }>;

/** One form per kind: the compiler checks every kind of the model has one, typed for its fields. */
const forms: { [K in AnyInteractionKind]: ComponentType<InteractionFormProps<OfKind<K>>> } = {
  send_message: SendMessageForm,
  text_question: TextQuestionForm,
  button_question: ButtonQuestionForm,
  attribute_question: AttributeQuestionForm,
  conditional_branch: ConditionalBranchForm,
  business_schedule: BusinessScheduleForm,
  object_selector: ObjectSelectorForm,
  run_workflow: RunWorkflowForm,
  update_attribute: UpdateAttributeForm,
  play_prompt: PlayPromptForm,
  collect_customer_input: CollectCustomerInputForm,
  collect_language_preference: CollectLanguagePreferenceForm,
  request_feedback: RequestFeedbackForm,
  ai_response: AiResponseForm,
  navigation_buttons: NavigationButtonsForm,
  article_deflection: ArticleDeflectionForm,
  list_selector: ListSelectorForm,
  redirect: RedirectForm,
  transfer: TransferForm,
  voicemail: VoicemailForm,
  end_conversation: EndConversationForm,
};

/** The form of an interaction, by its kind: every field of its schema, with the server's problems. */
export function InteractionForm(props: InteractionFormProps) {
  const Form = (forms as Record<string, ComponentType<InteractionFormProps> | undefined>)[
    props.interaction.kind
  ];
  if (!Form) {
    return (
      <Alert color="yellow" role="status">
        {strings.interactions.unknownKind(props.interaction.kind)}
      </Alert>
    );
  }
  return <Form {...props} />;
}
