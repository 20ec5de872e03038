import type { AiResponse } from "@parley/model";
import { matchChoice } from "../choices.ts";
import { transfer } from "../handover.ts";
import { findIntentDialog } from "../intents.ts";
import { type InteractionModule, ignore, type Outcome, redirect, wait } from "../outcome.ts";
import { rememberedText } from "../remembered-text.ts";
import type { Turn } from "../turn-context.ts";
import { askFeedback, feedbackOptions } from "./request-feedback.ts";

/**
 * A failed attempt (nothing found, or negative feedback) counts over the whole
 * conversation; the one that reaches `attemptsBeforeHandover` goes to an agent
 * (spec 07: after the second attempt, transfer).
 */
function failedAttempt(turn: Turn, interaction: AiResponse, otherwise: string): Outcome {
  const failures = (turn.state.counters.aiFailures ?? 0) + 1;
  turn.state.counters.aiFailures = failures;
  if (failures >= interaction.attemptsBeforeHandover) {
    return transfer(turn, {
      reason: "the AI response could not help",
      message: interaction.handoverMessage,
      teamId: interaction.handoverTeamId,
    });
  }
  return redirect(otherwise);
}

function askQuestion(turn: Turn, interaction: AiResponse, question: string): Outcome {
  // Blank messages are not questions: keep waiting instead of searching for nothing.
  if (question === "") return ignore;
  if (interaction.understandIntents) {
    const dialogId = findIntentDialog(turn, question);
    if (dialogId) return redirect(dialogId);
  }
  const requestId = turn.nextId("r");
  const aiProfileId = interaction.aiProfileId ?? turn.assistant.settings.aiProfileId;
  turn.emit({
    type: "answer.request",
    requestId,
    knowledgeBaseId: interaction.knowledgeBaseId,
    ...(aiProfileId ? { aiProfileId } : {}),
    question,
    language: turn.language,
  });
  return wait({ for: "result", interactionId: interaction.id, requestId, step: "answer" });
}

export const aiResponse: InteractionModule<"ai_response"> = {
  kind: "ai_response",
  enter(turn, interaction) {
    if (interaction.prompt) turn.sendText(turn.render(interaction.prompt));
    return wait({ for: "text", interactionId: interaction.id, step: "question" });
  },
  repeat(turn, interaction, waiting) {
    if (waiting.step === "question" && interaction.prompt) turn.sendText(turn.render(interaction.prompt));
    if (waiting.step === "feedback") askFeedback(turn, turn.render(interaction.feedbackPrompt), "thumbs");
  },
  resume(turn, interaction, waiting, event) {
    if (waiting.step === "question") {
      if (event.type !== "customer.text") return ignore;
      return askQuestion(turn, interaction, rememberedText(event.text));
    }
    if (waiting.step === "answer") {
      if (event.type !== "answer.generated" || event.requestId !== waiting.requestId) return ignore;
      const { answer } = event;
      if (!answer.found) {
        if (answer.text.trim() !== "") turn.sendText(answer.text);
        return failedAttempt(turn, interaction, interaction.redirects.notAnswered);
      }
      turn.send({ kind: "answer", answer });
      askFeedback(turn, turn.render(interaction.feedbackPrompt), "thumbs");
      return wait({
        for: "choice",
        interactionId: interaction.id,
        step: "feedback",
        ...(answer.answerId ? { data: { answerId: answer.answerId } } : {}),
      });
    }
    // Feedback on the answer. A new question typed instead of a button is answered as a question.
    const chosen = matchChoice(event, feedbackOptions(turn, "thumbs"));
    if (!chosen) {
      if (event.type === "customer.text") return askQuestion(turn, interaction, rememberedText(event.text));
      return ignore;
    }
    const answerId = waiting.data?.answerId as string | undefined;
    const outcome = chosen.id === "negative" ? "negative" : "positive";
    turn.emit({
      type: "feedback.record",
      interactionId: interaction.id,
      outcome,
      ...(answerId ? { answerId } : {}),
    });
    if (outcome === "positive") return redirect(interaction.redirects.answered);
    return failedAttempt(turn, interaction, interaction.redirects.negativeFeedback);
  },
};
