import type { FeedbackDesign, FeedbackOutcome } from "@parley/model";
import type { ChoiceOption } from "../messages.ts";
import { type InteractionModule, redirect, wait } from "../outcome.ts";
import type { Turn } from "../turn-context.ts";
import { answerChoice } from "./choice-answer.ts";

/** The buttons of each design; option ids are the outcomes. */
export function feedbackOptions(turn: Turn, design: FeedbackDesign): ChoiceOption[] {
  switch (design) {
    case "thumbs":
      return [
        { id: "positive", label: `👍 ${turn.phrase("yes")}` },
        { id: "negative", label: `👎 ${turn.phrase("no")}` },
      ];
    case "emoji":
      return [
        { id: "positive", label: `😀 ${turn.phrase("helpful")}` },
        { id: "neutral", label: `😐 ${turn.phrase("emojiNeutral")}` },
        { id: "negative", label: `🙁 ${turn.phrase("notHelpful")}` },
      ];
    case "text":
      return [
        { id: "positive", label: turn.phrase("helpful") },
        { id: "negative", label: turn.phrase("notHelpful") },
      ];
  }
}

export function askFeedback(turn: Turn, text: string, design: FeedbackDesign): void {
  const options = feedbackOptions(turn, design);
  if (turn.channel === "chat") turn.send({ kind: "feedback", text, design, options });
  else turn.offerChoices(text, options);
}

export const requestFeedback: InteractionModule<"request_feedback"> = {
  kind: "request_feedback",
  enter(turn, interaction) {
    askFeedback(turn, turn.render(interaction.prompt), interaction.design);
    return wait({ for: "choice", interactionId: interaction.id });
  },
  repeat(turn, interaction) {
    askFeedback(turn, turn.render(interaction.prompt), interaction.design);
  },
  resume(turn, interaction, waiting, event) {
    return answerChoice(turn, event, waiting, feedbackOptions(turn, interaction.design), (option) => {
      const outcome = option.id as FeedbackOutcome;
      turn.emit({ type: "feedback.record", interactionId: interaction.id, outcome });
      const { positive, negative, neutral } = interaction.redirects;
      return redirect(
        outcome === "negative" ? negative : outcome === "neutral" ? (neutral ?? positive) : positive,
      );
    });
  },
};
