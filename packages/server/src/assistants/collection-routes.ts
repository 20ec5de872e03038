import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { scopes } from "../http/scopes.ts";
import { convertedDefinition, duplicateDefinition, newAssistantDefinition } from "./creation.ts";
import { newAssistantIdentity } from "./identity.ts";
import { decodeCursor, encodeCursor } from "./list-query.ts";
import { detailOf, summaryOf } from "./representation.ts";
import { entityTag } from "./revisions.ts";
import {
  AssistantDetail,
  AssistantList,
  AssistantParams,
  ConversionPreview,
  ConversionQuery,
  CreateBody,
  DuplicateBody,
  DuplicateResponse,
  ListQuery,
  tags,
} from "./schemas.ts";
import {
  deleteAssistant,
  findAssistant,
  findAssistantByPublicId,
  insertAssistant,
  listAssistants,
  unpublishPremiumAssistants,
} from "./store.ts";

/** Creating, finding, listing, duplicating and deleting assistants. */
export const assistantCollectionRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (
  app,
  { database },
) => {
  app.post(
    "/v1/assistants",
    {
      config: { scope: scopes.assistantsWrite },
      schema: {
        tags,
        summary: "Create an assistant from a template (blank: Welcome and Complete Assistant dialogs)",
        body: CreateBody,
        response: { 201: AssistantDetail },
      },
    },
    async (request, reply) => {
      const definition = newAssistantDefinition(request.body, newAssistantIdentity());
      const row = await insertAssistant(database, callerOf(request).organizationId, definition);
      return reply.status(201).header("etag", entityTag(row.draftRevision)).send(detailOf(row));
    },
  );

  app.get(
    "/v1/assistants",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List assistants, or find one by public id (spec 16: with its draft, inside `data`)",
        querystring: ListQuery,
        response: { 200: AssistantList },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const query = request.query;
      if (query.publicId !== undefined) {
        const row = await findAssistantByPublicId(database, organizationId, query.publicId);
        return { data: row ? [detailOf(row)] : [], nextCursor: null };
      }
      const page = await listAssistants(database, organizationId, {
        search: query.search,
        status: query.status,
        channel: query.channel,
        type: query.type,
        limit: query.limit,
        after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      });
      const last = page.rows.at(-1);
      return {
        data: page.rows.map(summaryOf),
        nextCursor: page.more && last ? encodeCursor(last) : null,
      };
    },
  );

  app.get(
    "/v1/assistants/:id",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "Get an assistant with its draft; the ETag is the draft revision",
        params: AssistantParams,
        response: { 200: AssistantDetail },
      },
    },
    async (request, reply) => {
      const row = await findAssistant(database, callerOf(request).organizationId, request.params.id);
      return reply.header("etag", entityTag(row.draftRevision)).send(detailOf(row));
    },
  );

  app.delete(
    "/v1/assistants/:id",
    {
      config: { scope: scopes.assistantsWrite },
      schema: { tags, summary: "Delete an assistant and its versions", params: AssistantParams },
    },
    async (request, reply) => {
      await deleteAssistant(database, callerOf(request).organizationId, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    "/v1/assistants/:id/duplicate",
    {
      config: { scope: scopes.assistantsWrite },
      schema: {
        tags,
        summary: "Duplicate an assistant's draft, optionally as the other type (lists what was removed)",
        params: AssistantParams,
        body: DuplicateBody,
        response: { 201: DuplicateResponse },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const source = await findAssistant(database, organizationId, request.params.id);
      const copy = duplicateDefinition(source.draft, newAssistantIdentity(), request.body ?? {});
      const row = await insertAssistant(database, organizationId, copy.assistant);
      return reply
        .status(201)
        .header("etag", entityTag(row.draftRevision))
        .send({ ...detailOf(row), removed: copy.removed });
    },
  );

  app.get(
    "/v1/assistants/:id/conversion",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary:
          "Preview converting an assistant to the other type (spec 02, 17): what duplicating as that type would remove; nothing is created",
        params: AssistantParams,
        querystring: ConversionQuery,
        response: { 200: ConversionPreview },
      },
    },
    async (request) => {
      const source = await findAssistant(database, callerOf(request).organizationId, request.params.id);
      const { removed } = convertedDefinition(source.draft, request.query.type);
      return { from: source.draft.type, to: request.query.type, removed };
    },
  );

  app.post(
    "/v1/assistants/unpublish-premium",
    {
      config: { scope: scopes.assistantsWrite },
      schema: {
        tags,
        summary: "Take every live Premium assistant of the organization offline",
        response: { 200: z.object({ unpublished: z.number().int() }) },
      },
    },
    async (request) => ({
      unpublished: await unpublishPremiumAssistants(database, callerOf(request).organizationId),
    }),
  );
};
