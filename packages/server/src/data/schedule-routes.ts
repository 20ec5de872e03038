import { weekdays } from "@parley/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { pageSchema, SearchableListQuery } from "./pagination.ts";
import { DisplayName, IdParameters, Timestamps } from "./route-schemas.ts";
import { createSchedule, deleteSchedule, findSchedule, listSchedules, replaceSchedule } from "./schedules.ts";

const startTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be a time from 00:00 to 23:59");
const endTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, "must be a time from 00:00 to 24:00");

/** An end at or before the start runs past midnight (22:00 to 02:00), as the engine reads it. */
const OpeningHours = z
  .strictObject({ start: startTime, end: endTime })
  .refine((range) => range.start !== range.end, { path: ["end"], message: "must differ from the start" });

const Holiday = z.strictObject({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-12-25")
    .refine((date) => DateTime.fromISO(date).isValid, "is not a day of the calendar"),
  name: z.string().trim().max(100).optional(),
});

const ScheduleBody = z.strictObject({
  name: DisplayName,
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone such as America/New_York"),
  hours: z.partialRecord(z.enum(weekdays), z.array(OpeningHours).max(10)),
  holidays: z.array(Holiday).max(366).default([]),
});

const Schedule = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  hours: z.partialRecord(z.enum(weekdays), z.array(z.object({ start: z.string(), end: z.string() }))),
  holidays: z.array(z.object({ date: z.string(), name: z.string().optional() })),
  ...Timestamps,
});
const tags = ["business schedules"];

export const scheduleRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/business-schedules",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List business schedules by name",
        querystring: SearchableListQuery,
        response: { 200: pageSchema(Schedule) },
      },
    },
    async (request) => listSchedules(database, callerOf(request).organizationId, request.query),
  );

  app.post(
    "/v1/business-schedules",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Create a business schedule",
        body: ScheduleBody,
        response: { 201: Schedule },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const schedule = await database.transaction((transaction) =>
        createSchedule(transaction, organizationId, request.body),
      );
      return reply.status(201).send(schedule);
    },
  );

  app.get(
    "/v1/business-schedules/:id",
    {
      config: { scope: scopes.read },
      schema: { tags, summary: "Get a business schedule", params: IdParameters, response: { 200: Schedule } },
    },
    async (request) => {
      const schedule = await findSchedule(database, callerOf(request).organizationId, request.params.id);
      if (!schedule) throw notFound("Business schedule", request.params.id);
      return schedule;
    },
  );

  app.put(
    "/v1/business-schedules/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Replace a business schedule",
        params: IdParameters,
        body: ScheduleBody,
        response: { 200: Schedule },
      },
    },
    async (request) => {
      const schedule = await replaceSchedule(
        database,
        callerOf(request).organizationId,
        request.params.id,
        request.body,
      );
      if (!schedule) throw notFound("Business schedule", request.params.id);
      return schedule;
    },
  );

  app.delete(
    "/v1/business-schedules/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags, summary: "Delete a business schedule", params: IdParameters },
    },
    async (request, reply) => {
      if (!(await deleteSchedule(database, callerOf(request).organizationId, request.params.id))) {
        throw notFound("Business schedule", request.params.id);
      }
      return reply.status(204).send();
    },
  );
};
