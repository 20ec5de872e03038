import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { validationOptionsFor } from "../data/validation-options.ts";
import type { Database, Executor } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import type { ProblemDetail } from "../http/errors.ts";
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
  /** Saving and importing differ only in how they read the body: both validate against the organization's data. */
  async function saveDraft(
    id: string,
    ifMatch: string | undefined,
    organizationId: string,
    reply: FastifyReply,
    body: { definition: unknown; pointer?: string; problems?: readonly ProblemDetail[] },
  ) {
    const { row, prepared } = await writeDraft(
      database,
      organizationId,
      id,
      ifMatch,
      async (transaction, current) =>
        prepareDefinition(
          body.definition,
          identityOf(current),
          await validationOptionsFor(transaction, organizationId),
          body.pointer,
          body.problems,
        ),
    );
    return reply
      .header("etag", entityTag(row.draftRevision))
      .send({ ...detailOf(row), problems: prepared.problems });
  }

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
      return saveDraft(
        request.params.id,
        request.headers["if-match"],
        callerOf(request).organizationId,
        reply,
        {
          definition: request.body,
        },
      );
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
      const body = readMigrationBody(request.body);
      const remapped = body.knowledgeBaseMap
        ? remapKnowledgeBases(body.definition, body.knowledgeBaseMap, body.pointer)
        : { definition: body.definition, problems: [] };
      return saveDraft(
        request.params.id,
        request.headers["if-match"],
        callerOf(request).organizationId,
        reply,
        {
          definition: remapped.definition,
          pointer: body.pointer,
          problems: remapped.problems,
        },
      );
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
