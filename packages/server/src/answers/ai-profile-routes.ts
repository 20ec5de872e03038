import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParameters } from "../data/route-schemas.ts";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { ErrorBody, notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { AiProfile, AiProfileInput, AiProfileUser, aiProfileLimits } from "./ai-profile-schemas.ts";
import {
  createAiProfile,
  deleteAiProfile,
  getAiProfile,
  listAiProfiles,
  replaceAiProfile,
} from "./ai-profile-store.ts";

const tags = ["ai"];

/** `ai_profile_in_use` lists the live assistants that use the profile and says whether it is the default. */
const ConflictError = ErrorBody.extend({
  assistants: z.array(AiProfileUser).optional(),
  organizationDefault: z.boolean().optional(),
}).meta({ id: "AiProfileConflictError" });

/**
 * AI profiles (spec 07: "customize how the AI will respond by creating a new profile with custom
 * prompts"). Assistant builders read them to pick one; writing them is organization set-up, with
 * the AI settings.
 */
export const aiProfileRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/ai/profiles",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List the organization's AI profiles by name, each with the assistants that use it",
        response: { 200: z.object({ data: z.array(AiProfile) }) },
      },
    },
    async (request) => ({ data: await listAiProfiles(database, callerOf(request).organizationId) }),
  );

  app.post(
    "/v1/ai/profiles",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: `Create an AI profile: a name and instructions on tone and format (at most ${aiProfileLimits.profiles} per organization)`,
        body: AiProfileInput,
        response: { 201: AiProfile, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const profile = await database.transaction((transaction) =>
        createAiProfile(transaction, organizationId, request.body),
      );
      return reply.status(201).send(profile);
    },
  );

  app.get(
    "/v1/ai/profiles/:id",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "Get an AI profile with the assistants that use it",
        params: IdParameters,
        response: { 200: AiProfile },
      },
    },
    async (request) => {
      const profile = await getAiProfile(database, callerOf(request).organizationId, request.params.id);
      if (!profile) throw notFound("AI profile", request.params.id);
      return profile;
    },
  );

  app.put(
    "/v1/ai/profiles/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Replace an AI profile's name and instructions; the next answers use them",
        params: IdParameters,
        body: AiProfileInput,
        response: { 200: AiProfile, 409: ErrorBody },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const { id } = request.params;
      const profile = await database.transaction((transaction) =>
        replaceAiProfile(transaction, organizationId, id, request.body),
      );
      if (!profile) throw notFound("AI profile", id);
      return profile;
    },
  );

  app.delete(
    "/v1/ai/profiles/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary:
          "Delete an AI profile; refused (409, listing them) while a live assistant version uses it or it is the organization's default",
        params: IdParameters,
        response: { 204: z.null().meta({ description: "Deleted" }), 409: ConflictError },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { id } = request.params;
      const deleted = await database.transaction((transaction) =>
        deleteAiProfile(transaction, organizationId, id),
      );
      if (!deleted) throw notFound("AI profile", id);
      return reply.status(204).send(null);
    },
  );
};
