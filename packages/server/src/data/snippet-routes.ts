import { LanguageTag } from "@parley/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { pageSchema, SearchableListQuery } from "./pagination.ts";
import { IdParameters, Timestamps } from "./route-schemas.ts";
import { createSnippet, deleteSnippet, findSnippet, listSnippets, replaceSnippet } from "./snippets.ts";

const SnippetBody = z.strictObject({
  /** Messages refer to it as {{snippet.<name>}}. */
  name: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, "must be a snippet name such as greeting or store.hours"),
  values: z
    .record(LanguageTag, z.string().min(1).max(4096))
    .refine((values) => Object.keys(values).length > 0, "needs a value in at least one language"),
});

const Snippet = z.object({
  id: z.string(),
  name: z.string(),
  values: z.record(z.string(), z.string()),
  ...Timestamps,
});
const tags = ["snippets"];

export const snippetRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/snippets",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List snippets by name",
        querystring: SearchableListQuery,
        response: { 200: pageSchema(Snippet) },
      },
    },
    async (request) => listSnippets(database, callerOf(request).organizationId, request.query),
  );

  app.post(
    "/v1/snippets",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags, summary: "Create a snippet", body: SnippetBody, response: { 201: Snippet } },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const snippet = await database.transaction((transaction) =>
        createSnippet(transaction, organizationId, request.body),
      );
      return reply.status(201).send(snippet);
    },
  );

  app.get(
    "/v1/snippets/:id",
    {
      config: { scope: scopes.read },
      schema: { tags, summary: "Get a snippet", params: IdParameters, response: { 200: Snippet } },
    },
    async (request) => {
      const snippet = await findSnippet(database, callerOf(request).organizationId, request.params.id);
      if (!snippet) throw notFound("Snippet", request.params.id);
      return snippet;
    },
  );

  app.put(
    "/v1/snippets/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Replace a snippet's name and values",
        params: IdParameters,
        body: SnippetBody,
        response: { 200: Snippet },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const snippet = await database.transaction((transaction) =>
        replaceSnippet(transaction, organizationId, request.params.id, request.body),
      );
      if (!snippet) throw notFound("Snippet", request.params.id);
      return snippet;
    },
  );

  app.delete(
    "/v1/snippets/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags, summary: "Delete a snippet", params: IdParameters },
    },
    async (request, reply) => {
      if (!(await deleteSnippet(database, callerOf(request).organizationId, request.params.id))) {
        throw notFound("Snippet", request.params.id);
      }
      return reply.status(204).send();
    },
  );
};
