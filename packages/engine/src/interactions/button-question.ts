import { type InteractionModule, next, wait } from "../outcome.ts";
import { answerChoice } from "./choice-answer.ts";

export const buttonQuestion: InteractionModule<"button_question"> = {
  kind: "button_question",
  enter(turn, interaction) {
    turn.offerChoices(turn.render(interaction.prompt), interaction.buttons);
    return wait({ for: "choice", interactionId: interaction.id });
  },
  repeat(turn, interaction) {
    turn.offerChoices(turn.render(interaction.prompt), interaction.buttons);
  },
  resume(turn, interaction, waiting, event) {
    return answerChoice(turn, event, waiting, interaction.buttons, (button) => {
      if (interaction.saveTo) turn.save(interaction.saveTo, button.label);
      return next;
    });
  },
};
