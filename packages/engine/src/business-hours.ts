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
 * Holidays close the whole local day. Ranges may cross midnight. An unknown time zone is an error, not
 * "closed", so the engine's error path hands the customer to an agent.
 */
export function isWithinBusinessHours(schedule: BusinessScheduleDefinition, now: number): boolean {
  const local = DateTime.fromMillis(now, { zone: schedule.timeZone });
  if (!local.isValid)
    throw new Error(`business schedule ${schedule.id} has an unknown time zone ${schedule.timeZone}`);
  const date = local.toISODate();
  if (schedule.holidays.some((holiday) => holiday.date === date)) return false;
  const minute = local.hour * 60 + local.minute;
  const rangesOf = (weekday: number) => schedule.hours[weekdayByLuxonNumber[weekday] ?? "monday"] ?? [];
  // A range that ends at or before its start runs past midnight (22:00-02:00): its tail belongs to the next day.
  const openToday = rangesOf(local.weekday).some((range) => {
    const start = minutesOfDay(range.start);
    const end = minutesOfDay(range.end);
    return end > start ? minute >= start && minute < end : minute >= start;
  });
  const openFromYesterday = rangesOf(local.weekday === 1 ? 7 : local.weekday - 1).some((range) => {
    const end = minutesOfDay(range.end);
    return end <= minutesOfDay(range.start) && minute < end;
  });
  return openToday || openFromYesterday;
}
