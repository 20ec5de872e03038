import { matchChoice } from "../choices.ts";
import { findIntentDialog } from "../intents.ts";
import { type InteractionModule, redirect, wait } from "../outcome.ts";
import { rememberedText } from "../remembered-text.ts";
import { answerChoice } from "./choice-answer.ts";

export const listSelector: InteractionModule<"list_selector"> = {
  kind: "list_selector",
  enter(turn, interaction) {
    turn.offerChoices(turn.render(interaction.prompt), interaction.options, "list", interaction.buttonLabel);
    return wait({ for: "choice", interactionId: interaction.id });
  },
  repeat(turn, interaction) {
    turn.offerChoices(turn.render(interaction.prompt), interaction.options, "list", interaction.buttonLabel);
  },
  resume(turn, interaction, waiting, event) {
    // Typed words that pick no row may still say what the customer wants.
    if (
      interaction.understandIntents &&
      event.type === "customer.text" &&
      !matchChoice(event, interaction.options)
    ) {
      const dialogId = findIntentDialog(turn, rememberedText(event.text));
      if (dialogId) return redirect(dialogId);
    }
    return answerChoice(
      turn,
      event,
      waiting,
      interaction.options,
      (option) => {
        if (interaction.saveTo) turn.save(interaction.saveTo, option.label);
        const target = interaction.options.find((candidate) => candidate.id === option.id);
        return redirect(target?.dialogId ?? "");
      },
      "list",
      interaction.buttonLabel,
    );
  },
};
