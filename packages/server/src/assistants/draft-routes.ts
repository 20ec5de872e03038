import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { validationOptionsFor } from "../data/validation-options.ts";
import type { Database, Executor } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { scopes } from "../http/scopes.ts";
import { type PreparedDefinition, prepareDefinition } from "./definitions.ts";
import { readMigrationBody, remapKnowledgeBases } from "./migration-import.ts";
import { type AssistantRow, detailOf } from "./representation.ts";
import { entityTag, requireRevision } from "./revisions.ts";
import {
  AssistantDetail,
  AssistantParams,
  AssistantWithProblems,
  Definition,
  definitionBodyLimit,
  IfMatchHeaders,
  NewDraftBody,
  tags,
} from "./schemas.ts";
import { lockAssistant, replaceDraft } from "./store.ts";
import { findVersion, latestVersion } from "./versions.ts";

/**
 * The shared path of every draft write: in one transaction, lock the row,
 * check If-Match, build the new definition, store it with the next revision.
 */
async function writeDraft(
  database: Database,
  organizationId: string,
  id: string,
  ifMatch: string | undefined,
  build: (transaction: Executor, row: AssistantRow) => Promise<PreparedDefinition>,
): Promise<{ row: AssistantRow; prepared: PreparedDefinition }> {
  return database.transaction(async (transaction) => {
    const row = await lockAssistant(transaction, organizationId, id);
    requireRevision(row, ifMatch);
    const prepared = await build(transaction, row);
    return { row: await replaceDraft(transaction, row, prepared.assistant), prepared };
  });
}

const identityOf = (row: AssistantRow) => ({ id: row.id, publicId: row.publicId });

/** Saving the draft, importing a definition from another instance (spec 16), and starting a draft from a version. */
export const draftRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.put(
    "/v1/assistants/:id/draft",
    {
      config: { scope: scopes.assistantsWrite },
      bodyLimit: definitionBodyLimit,
      schema: {
        tags,
        summary: "Save the draft (schema errors → 400; other problems are returned, not blocking)",
        params: AssistantParams,
        headers: IfMatchHeaders,
        body: Definition,
        response: { 200: AssistantWithProblems },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { row, prepared } = await writeDraft(
        database,
        organizationId,
        request.params.id,
        request.headers["if-match"],
        async (transaction, current) =>
          prepareDefinition(
            request.body,
            identityOf(current),
            await validationOptionsFor(transaction, organizationId),
          ),
      );
      return reply
        .header("etag", entityTag(row.draftRevision))
        .send({ ...detailOf(row), problems: prepared.problems });
    },
  );

  app.put(
    "/v1/assistants/:id",
    {
      config: { scope: scopes.assistantsWrite },
      bodyLimit: definitionBodyLimit,
      schema: {
        tags,
        summary:
          "Import a definition exported from another instance (spec 16): replaces the draft, rewriting ids and mapping knowledge bases",
        description:
          "The body is the definition, the assistant as `GET /v1/assistants?publicId=` returned it, or `{ definition, knowledgeBaseMap: { oldId: newId } }`.",
        params: AssistantParams,
        headers: IfMatchHeaders,
        body: Definition,
        response: { 200: AssistantWithProblems },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const body = readMigrationBody(request.body);
      const remapped = body.knowledgeBaseMap
        ? remapKnowledgeBases(body.definition, body.knowledgeBaseMap, body.pointer)
        : { definition: body.definition, problems: [] };
      const { row, prepared } = await writeDraft(
        database,
        organizationId,
        request.params.id,
        request.headers["if-match"],
        async (transaction, current) =>
          prepareDefinition(
            remapped.definition,
            identityOf(current),
            await validationOptionsFor(transaction, organizationId),
            body.pointer,
            remapped.problems,
          ),
      );
      return reply
        .header("etag", entityTag(row.draftRevision))
        .send({ ...detailOf(row), problems: prepared.problems });
    },
  );

  app.post(
    "/v1/assistants/:id/draft",
    {
      config: { scope: scopes.assistantsWrite },
      schema: {
        tags,
        summary: "Replace the draft with a published version (the latest unless `fromVersion` is given)",
        params: AssistantParams,
        headers: IfMatchHeaders,
        body: NewDraftBody,
        response: { 200: AssistantDetail },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const fromVersion = request.body?.fromVersion;
      const { row } = await writeDraft(
        database,
        organizationId,
        request.params.id,
        request.headers["if-match"],
        async (transaction, current) => {
          const version =
            fromVersion === undefined
              ? await latestVersion(transaction, current)
              : await findVersion(transaction, current, fromVersion);
          return { assistant: version.definition, problems: [] };
        },
      );
      return reply.header("etag", entityTag(row.draftRevision)).send(detailOf(row));
    },
  );
};
