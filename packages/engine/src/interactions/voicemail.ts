import { transfer } from "../handover.ts";
import type { InteractionModule } from "../outcome.ts";

/** The recording reaches the team like a transfer, so the report counts it as handed to agents. */
export const voicemail: InteractionModule<"voicemail"> = {
  kind: "voicemail",
  enter(turn, interaction) {
    turn.send({
      kind: "voice.record",
      prompt: turn.render(interaction.prompt),
      maxSeconds: interaction.maxSeconds,
    });
    turn.emit({ type: "voicemail.record", maxSeconds: interaction.maxSeconds });
    return transfer(turn, { reason: "voicemail" });
  },
};
