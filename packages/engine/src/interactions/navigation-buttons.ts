import { type InteractionModule, redirect, wait } from "../outcome.ts";
import { answerChoice } from "./choice-answer.ts";

export const navigationButtons: InteractionModule<"navigation_buttons"> = {
  kind: "navigation_buttons",
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
      const target = interaction.buttons.find((candidate) => candidate.id === button.id);
      return redirect(target?.dialogId ?? "");
    });
  },
};
