import { endConversation as end } from "../handover.ts";
import type { InteractionModule } from "../outcome.ts";

export const endConversation: InteractionModule<"end_conversation"> = {
  kind: "end_conversation",
  enter(turn, interaction) {
    return end(turn, "end conversation", interaction.message);
  },
};
