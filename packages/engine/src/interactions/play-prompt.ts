import { type InteractionModule, next } from "../outcome.ts";

export const playPrompt: InteractionModule<"play_prompt"> = {
  kind: "play_prompt",
  enter(turn, interaction) {
    turn.send({
      kind: "voice.say",
      text: turn.render(interaction.text),
      ...(interaction.audioUrl ? { audioUrl: interaction.audioUrl } : {}),
    });
    return next;
  },
};
