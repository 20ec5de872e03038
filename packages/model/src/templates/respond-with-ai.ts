import { completeAssistantDialogName, type Dialog, welcomeDialogName } from "../dialog.ts";
import type { AiResponse } from "../interaction.ts";
import { aiResponseDefinition } from "../interactions/ai-response.ts";
import type { AssistantTemplate, TemplateContext } from "./assistant-template.ts";
import { dialog, redirect, say, transfer } from "./build.ts";
import { completeAssistantDialogId, welcomeDialogId } from "./default-assistant.ts";
import { respondWithAiMessages } from "./respond-with-ai-messages.ts";

export const askQuestionDialogId = "ask-question";
export const answeredDialogId = "answered";
export const notAnsweredDialogId = "not-answered";
export const negativeFeedbackDialogId = "negative-feedback";

/**
 * The predefined intent "Contact human agent" (spec 08), mapped to Complete
 * Assistant: a customer who asks for a person is not made to fail twice first
 * (spec 14: reduce barriers to chat with your team).
 */
export const contactAgentIntent = "contact_human_agent";

/** The knowledge base an AI response searches when the caller names none. */
export const defaultKnowledgeBaseId = "default";

/**
 * Spec 07: answer from the knowledge base, then in every case offer to answer
 * again. The AI response counts failed attempts (no answer, negative feedback)
 * and hands over to an agent on the second, with the same words as Complete Assistant.
 */
function respondWithAiDialogs({ channel, type, language, knowledgeBaseId }: TemplateContext): Dialog[] {
  const text = respondWithAiMessages[language];
  const askQuestion: AiResponse = {
    id: "ask-question-ai-response",
    kind: "ai_response",
    knowledgeBaseId,
    prompt: text.askQuestion,
    // Lets "I want to talk to a person" reach Complete Assistant (see contactAgentIntent).
    understandIntents: true,
    feedbackPrompt: text.feedbackPrompt,
    redirects: {
      answered: answeredDialogId,
      notAnswered: notAnsweredDialogId,
      negativeFeedback: negativeFeedbackDialogId,
    },
    attemptsBeforeHandover: 2,
    handoverMessage: text.handover,
  };
  const backToQuestion = (id: string, name: string, message: string) =>
    dialog(
      id,
      name,
      [say(channel, type, `${id}-message`, message)],
      redirect(`${id}-redirect`, askQuestionDialogId),
    );

  return [
    dialog(
      welcomeDialogId,
      welcomeDialogName,
      [say(channel, type, "welcome-message", text.welcome)],
      redirect("welcome-redirect", askQuestionDialogId),
    ),
    dialog(askQuestionDialogId, "Ask Question", [], askQuestion),
    backToQuestion(answeredDialogId, "Answered", text.answered),
    backToQuestion(notAnsweredDialogId, "Not Answered", text.notAnswered),
    backToQuestion(negativeFeedbackDialogId, "Negative Feedback", text.negativeFeedback),
    dialog(
      completeAssistantDialogId,
      completeAssistantDialogName,
      [say(channel, type, "complete-assistant-message", text.handover)],
      transfer("complete-assistant-transfer"),
    ),
  ];
}

export const respondWithAiTemplate: AssistantTemplate = {
  name: "respond-with-ai",
  defaultType: "premium",
  // The template is the AI response interaction's showcase: offered wherever that interaction is.
  availability: {
    channels: aiResponseDefinition.availability.channels,
    types: aiResponseDefinition.availability.assistantTypes,
  },
  names: (language) => respondWithAiMessages[language],
  dialogs: respondWithAiDialogs,
  intents: [{ intent: contactAgentIntent, dialogId: completeAssistantDialogId }],
};
