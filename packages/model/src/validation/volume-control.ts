import type { Check } from "./check-context.ts";
import { errorAt } from "./problem.ts";

/** Spec 10: with both on, the abandon timer must be longer than the reminder, or the reminder never comes. */
export const checkVolumeControlTimers: Check = ({ assistant }) => {
  const { reminder, abandon } = assistant.settings.volumeControl;
  if (!reminder.enabled || !abandon.enabled || abandon.afterMinutes > reminder.afterMinutes) return [];
  return [
    errorAt(
      "/settings/volumeControl/abandon/afterMinutes",
      "abandon_not_after_reminder",
      `A conversation can only be abandoned after the inactive customer reminder: abandon after ${abandon.afterMinutes} min must be longer than the reminder's ${reminder.afterMinutes} min.`,
    ),
  ];
};
