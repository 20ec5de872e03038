import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageSchema, SearchableListQuery } from "../data/pagination.ts";
import { IdParameters } from "../data/route-schemas.ts";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { ErrorBody, notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import {
  KnowledgeBase,
  KnowledgeBaseInput,
  KnowledgeBasePatch,
  KnowledgeBaseUser,
} from "./knowledge-base-schemas.ts";
import {
  createKnowledgeBase,
  deleteKnowledgeBase,
  findKnowledgeBase,
  listKnowledgeBases,
  updateKnowledgeBase,
} from "./knowledge-base-store.ts";
import { knowledgeLimits } from "./knowledge-limits.ts";

export const knowledgeTags = ["knowledge bases"];

/**
 * Knowledge bases are organization set-up, like brands and snippets: reading takes `org.read`,
 * changing them (and their articles) the organization's set-up scope.
 */
export const knowledgeWriteScope = scopes.organizationWrite;

/** `knowledge_base_in_use` lists the live assistants that use it; other conflicts do not. */
const ConflictError = ErrorBody.extend({ assistants: z.array(KnowledgeBaseUser).optional() }).meta({
  id: "KnowledgeBaseConflictError",
});

export const knowledgeBaseRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (
  app,
  { database },
) => {
  const tags = knowledgeTags;

  app.get(
    "/v1/knowledge-bases",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List knowledge bases by name, with their article counts and the assistants that use them",
        querystring: SearchableListQuery.extend({ brandId: z.uuid().optional() }),
        response: { 200: pageSchema(KnowledgeBase) },
      },
    },
    async (request) => listKnowledgeBases(database, callerOf(request).organizationId, request.query),
  );

  app.post(
    "/v1/knowledge-bases",
    {
      config: { scope: knowledgeWriteScope },
      schema: {
        tags,
        summary: `Create a knowledge base for a brand (at most ${knowledgeLimits.knowledgeBasesPerOrganization} per organization)`,
        body: KnowledgeBaseInput,
        response: { 201: KnowledgeBase, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const knowledgeBase = await database.transaction((transaction) =>
        createKnowledgeBase(transaction, organizationId, request.body),
      );
      return reply.status(201).send(knowledgeBase);
    },
  );

  app.get(
    "/v1/knowledge-bases/:id",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "Get a knowledge base",
        params: IdParameters,
        response: { 200: KnowledgeBase },
      },
    },
    async (request) => {
      const knowledgeBase = await findKnowledgeBase(
        database,
        callerOf(request).organizationId,
        request.params.id,
      );
      if (!knowledgeBase) throw notFound("Knowledge base", request.params.id);
      return knowledgeBase;
    },
  );

  app.patch(
    "/v1/knowledge-bases/:id",
    {
      config: { scope: knowledgeWriteScope },
      schema: {
        tags,
        summary: "Change a knowledge base's brand, name, default language or public URL",
        params: IdParameters,
        body: KnowledgeBasePatch,
        response: { 200: KnowledgeBase, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const { id } = request.params;
      const knowledgeBase = await database.transaction((transaction) =>
        updateKnowledgeBase(transaction, organizationId, id, request.body),
      );
      if (!knowledgeBase) throw notFound("Knowledge base", id);
      return knowledgeBase;
    },
  );

  app.delete(
    "/v1/knowledge-bases/:id",
    {
      config: { scope: knowledgeWriteScope },
      schema: {
        tags,
        summary:
          "Delete a knowledge base and all its articles; refused (409, listing them) while live assistants use it",
        params: IdParameters,
        response: { 204: z.null().meta({ description: "Deleted" }), 409: ConflictError },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { id } = request.params;
      const deleted = await database.transaction((transaction) =>
        deleteKnowledgeBase(transaction, organizationId, id),
      );
      if (!deleted) throw notFound("Knowledge base", id);
      return reply.status(204).send(null);
    },
  );
};
