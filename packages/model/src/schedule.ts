import { z } from "zod";

const clockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, "must be a time such as 09:00");

export const OpeningHours = z.object({ start: clockTime, end: clockTime });
export type OpeningHours = z.infer<typeof OpeningHours>;

export const weekdays = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof weekdays)[number];

/** An organization's business hours in its time zone, with holidays when it is closed all day. */
export const BusinessScheduleDefinition = z
  .object({
    id: z.string().min(1).max(128),
    name: z.string().min(1).max(100),
    /** An IANA time zone such as `America/New_York`. */
    timeZone: z.string().min(1).max(64),
    hours: z.partialRecord(z.enum(weekdays), z.array(OpeningHours).max(10)),
    holidays: z
      .array(
        z.object({
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-12-25"),
          name: z.string().max(100).optional(),
        }),
      )
      .max(366)
      .default([]),
  })
  .meta({ id: "BusinessScheduleDefinition" });
export type BusinessScheduleDefinition = z.infer<typeof BusinessScheduleDefinition>;
