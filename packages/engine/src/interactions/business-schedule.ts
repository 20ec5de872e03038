import { schedulePathKey } from "../assistant-index.ts";
import { isWithinBusinessHours } from "../business-hours.ts";
import type { InteractionModule } from "../outcome.ts";

export const businessSchedule: InteractionModule<"business_schedule"> = {
  kind: "business_schedule",
  enter(turn, interaction) {
    const schedule = turn.environment.schedules?.[interaction.scheduleId];
    // A missing schedule is a configuration error: the error path hands the customer to an agent.
    if (!schedule) throw new Error(`business schedule ${interaction.scheduleId} is not known`);
    const open = isWithinBusinessHours(schedule, turn.now);
    return { type: "enter", listKey: schedulePathKey(interaction.id, open) };
  },
};
