import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { pageSchema, SearchableListQuery } from "./pagination.ts";
import { DisplayName, IdParameters, Timestamps } from "./route-schemas.ts";
import { createTeam, deleteTeam, findTeam, listTeams, replaceTeam } from "./teams.ts";

const Team = z.object({ id: z.string(), name: z.string(), ...Timestamps });
const TeamBody = z.strictObject({ name: DisplayName });
const tags = ["teams"];

export const teamRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/teams",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List teams by name",
        querystring: SearchableListQuery,
        response: { 200: pageSchema(Team) },
      },
    },
    async (request) => listTeams(database, callerOf(request).organizationId, request.query),
  );

  app.post(
    "/v1/teams",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags, summary: "Create a team", body: TeamBody, response: { 201: Team } },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const team = await database.transaction((transaction) =>
        createTeam(transaction, organizationId, request.body),
      );
      return reply.status(201).send(team);
    },
  );

  app.get(
    "/v1/teams/:id",
    {
      config: { scope: scopes.read },
      schema: { tags, summary: "Get a team", params: IdParameters, response: { 200: Team } },
    },
    async (request) => {
      const team = await findTeam(database, callerOf(request).organizationId, request.params.id);
      if (!team) throw notFound("Team", request.params.id);
      return team;
    },
  );

  app.put(
    "/v1/teams/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Rename a team",
        params: IdParameters,
        body: TeamBody,
        response: { 200: Team },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const team = await database.transaction((transaction) =>
        replaceTeam(transaction, organizationId, request.params.id, request.body),
      );
      if (!team) throw notFound("Team", request.params.id);
      return team;
    },
  );

  app.delete(
    "/v1/teams/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags, summary: "Delete a team", params: IdParameters },
    },
    async (request, reply) => {
      if (!(await deleteTeam(database, callerOf(request).organizationId, request.params.id))) {
        throw notFound("Team", request.params.id);
      }
      return reply.status(204).send();
    },
  );
};
