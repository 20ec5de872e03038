import { intentLimits } from "@parley/nlu";
import { predefinedIntents } from "@parley/nlu/predefined";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { IdParameters } from "../data/route-schemas.ts";
import type { Database, Executor } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { ErrorBody, notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { intentWarnings, organizationReview } from "./intent-review.ts";
import {
  Intent,
  IntentInput,
  IntentReview,
  IntentUser,
  IntentWithWarnings,
  PredefinedIntent,
} from "./intent-schemas.ts";
import {
  createIntent,
  deleteIntent,
  findIntentRow,
  type IntentRow,
  intentUsers,
  listIntents,
  replaceIntent,
  retrainIntents,
  toIntent,
} from "./intent-store.ts";

const tags = ["intents"];

/**
 * Parley has no scope of its own for intents: they exist to be mapped in assistants, so reading
 * takes `org.read` and changing them the assistants' scope, as spec 08 gives intents to whoever
 * builds assistants.
 */
const writeScope = scopes.assistantsWrite;

const predefinedList = predefinedIntents.map(({ name, title, description, example }) => ({
  name,
  title,
  description,
  example,
}));

/** `intent_in_use` lists the assistants that map the intent; other conflicts (a name taken) do not. */
const ConflictError = ErrorBody.extend({ assistants: z.array(IntentUser).optional() }).meta({
  id: "IntentConflictError",
});

async function withWarnings(executor: Executor, organizationId: string, row: IntentRow) {
  return {
    ...toIntent(row, await intentUsers(executor, organizationId, row.name)),
    warnings: await intentWarnings(executor, organizationId, row),
  };
}

/** Custom intents (spec 18), the predefined ones (spec 08), their quality review and training. */
export const intentRoutes: FastifyPluginAsyncZod<{ database: Database; jobs: PgBoss }> = async (
  app,
  { database, jobs },
) => {
  app.get(
    "/v1/intents",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary:
          "List the organization's custom intents by name, each with its training status and the assistants that map it",
        response: { 200: z.object({ data: z.array(Intent) }) },
      },
    },
    async (request) => ({ data: await listIntents(database, callerOf(request).organizationId) }),
  );

  app.get(
    "/v1/intents/predefined",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "The predefined intents every organization has (spec 08), which assistants map by name",
        response: { 200: z.object({ data: z.array(PredefinedIntent) }) },
      },
    },
    async () => ({ data: predefinedList }),
  );

  app.get(
    "/v1/intents/review",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary:
          "Quality warnings (spec 15) about the custom intents, against each other and the predefined ones, as of the last training",
        response: { 200: IntentReview },
      },
    },
    async (request) => organizationReview(database, callerOf(request).organizationId),
  );

  app.post(
    "/v1/intents/train",
    {
      config: { scope: writeScope },
      schema: {
        tags,
        summary: "Train every custom intent again (after an upgrade); follow the training status",
        response: { 202: z.object({ data: z.array(Intent) }) },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const data = await database.transaction(async (transaction) => {
        await retrainIntents(transaction, jobs, organizationId);
        return listIntents(transaction, organizationId);
      });
      return reply.status(202).send({ data });
    },
  );

  app.post(
    "/v1/intents",
    {
      config: { scope: writeScope },
      schema: {
        tags,
        summary: `Create a custom intent (at most ${intentLimits.maxIntents} per organization) and queue its training`,
        body: IntentInput,
        response: { 201: IntentWithWarnings, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const intent = await database.transaction(async (transaction) =>
        withWarnings(
          transaction,
          organizationId,
          await createIntent(transaction, jobs, organizationId, request.body),
        ),
      );
      return reply.status(201).send(intent);
    },
  );

  app.get(
    "/v1/intents/:id",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "Get a custom intent with its training status, the assistants that map it and its warnings",
        params: IdParameters,
        response: { 200: IntentWithWarnings },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const row = await findIntentRow(database, organizationId, request.params.id);
      if (!row) throw notFound("Intent", request.params.id);
      return withWarnings(database, organizationId, row);
    },
  );

  app.put(
    "/v1/intents/:id",
    {
      config: { scope: writeScope },
      schema: {
        tags,
        summary:
          "Replace a custom intent and queue its training; assistants that map it use the change once trained. Renaming is refused while assistants map it",
        params: IdParameters,
        body: IntentInput,
        response: { 200: IntentWithWarnings, 409: ConflictError, 422: ErrorBody },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const { id } = request.params;
      const intent = await database.transaction(async (transaction) => {
        const row = await replaceIntent(transaction, jobs, organizationId, id, request.body);
        return row ? withWarnings(transaction, organizationId, row) : null;
      });
      if (!intent) throw notFound("Intent", id);
      return intent;
    },
  );

  app.delete(
    "/v1/intents/:id",
    {
      config: { scope: writeScope },
      schema: {
        tags,
        summary:
          "Delete a custom intent and train the model without it; refused (409, listing them) while assistants map it",
        params: IdParameters,
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { id } = request.params;
      const deleted = await database.transaction((transaction) =>
        deleteIntent(transaction, jobs, organizationId, id),
      );
      if (!deleted) throw notFound("Intent", id);
      return reply.status(204).send();
    },
  );
};
