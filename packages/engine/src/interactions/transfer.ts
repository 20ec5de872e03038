import { transfer as handOver } from "../handover.ts";
import type { InteractionModule } from "../outcome.ts";

export const transfer: InteractionModule<"transfer"> = {
  kind: "transfer",
  enter(turn, interaction) {
    return handOver(turn, {
      reason: "transfer to an agent",
      message: interaction.message,
      teamId: interaction.teamId,
      routing: interaction.routing,
    });
  },
};
