import type { BusinessScheduleDefinition, Weekday } from "@parley/model";
import { DateTime } from "luxon";

const weekdayByLuxonNumber: Record<number, Weekday> = {
  1: "monday",
  2: "tuesday",
  3: "wednesday",
  4: "thursday",
  5: "friday",
  6: "saturday",
  7: "sunday",
};

function minutesOfDay(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * Whether the business is open at `now`, in the schedule's own time zone.
 * Holidays close the whole local day. An unknown time zone is an error, not
 * "closed", so the engine's error path hands the customer to an agent.
 */
export function isWithinBusinessHours(schedule: BusinessScheduleDefinition, now: number): boolean {
  const local = DateTime.fromMillis(now, { zone: schedule.timeZone });
  if (!local.isValid)
    throw new Error(`business schedule ${schedule.id} has an unknown time zone ${schedule.timeZone}`);
  const date = local.toISODate();
  if (schedule.holidays.some((holiday) => holiday.date === date)) return false;
  const day = weekdayByLuxonNumber[local.weekday];
  const ranges = day ? (schedule.hours[day] ?? []) : [];
  const minute = local.hour * 60 + local.minute;
  return ranges.some((range) => minute >= minutesOfDay(range.start) && minute < minutesOfDay(range.end));
}
