import type { InteractionModule } from "../outcome.ts";
import { next } from "../outcome.ts";

export const sendMessage: InteractionModule<"send_message"> = {
  kind: "send_message",
  enter(turn, interaction) {
    turn.sendText(turn.render(interaction.text));
    // Attachments are a WhatsApp feature (spec 04); other channels get the text alone.
    if (turn.channel === "whatsapp") {
      for (const attachment of interaction.attachments ?? []) turn.send({ kind: "attachment", attachment });
    }
    return next;
  },
};
