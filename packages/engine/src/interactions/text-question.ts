import { followIntent } from "../intents.ts";
import { type InteractionModule, ignore, next, wait } from "../outcome.ts";
import { rememberedText } from "../remembered-text.ts";

export const textQuestion: InteractionModule<"text_question"> = {
  kind: "text_question",
  enter(turn, interaction) {
    turn.sendText(turn.render(interaction.prompt));
    return wait({ for: "text", interactionId: interaction.id });
  },
  repeat(turn, interaction) {
    turn.sendText(turn.render(interaction.prompt));
  },
  resume(turn, interaction, _waiting, event) {
    if (event.type !== "customer.text") return ignore;
    const answer = rememberedText(event.text);
    if (interaction.saveTo) turn.save(interaction.saveTo, answer);
    if (interaction.understandIntents) {
      const intentOutcome = followIntent(turn, answer);
      if (intentOutcome) return intentOutcome;
    }
    return next;
  },
};
