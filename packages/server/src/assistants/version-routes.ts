import { type Assistant, hasErrors, validateAssistant } from "@parley/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { validationOptionsFor } from "../data/validation-options.ts";
import type { Database, Executor } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { ApiError } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { compareAssistants } from "./diff.ts";
import { type AssistantRow, detailOf } from "./representation.ts";
import { entityTag, requireRevision } from "./revisions.ts";
import {
  AssistantDetail,
  AssistantParams,
  CompareQuery,
  CompareResponse,
  IfMatchHeaders,
  LiveBody,
  PublishResponse,
  tags,
  VersionDetail,
  VersionParams,
  VersionSummary,
} from "./schemas.ts";
import { findAssistant, lockAssistant, setLiveVersion } from "./store.ts";
import { findVersion, insertNextVersion, listVersions, publishersOf, versionDetailOf } from "./versions.ts";

async function definitionAt(executor: Executor, row: AssistantRow, at: number | "draft"): Promise<Assistant> {
  return at === "draft" ? row.draft : (await findVersion(executor, row, at)).definition;
}

/** Publishing, the list of versions, comparing two of them, and choosing the live one. */
export const versionRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.post(
    "/v1/assistants/:id/publish",
    {
      config: { scope: scopes.assistantsWrite },
      schema: {
        tags,
        summary: "Publish the draft as the next version and make it live (validation errors → 422)",
        params: AssistantParams,
        headers: IfMatchHeaders,
        response: { 201: PublishResponse },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const published = await database.transaction(async (transaction) => {
        const row = await lockAssistant(transaction, caller.organizationId, request.params.id);
        requireRevision(row, request.headers["if-match"]);
        const options = await validationOptionsFor(transaction, caller.organizationId);
        const result = validateAssistant(row.draft, options);
        if (result.assistant === null || hasErrors(result.problems)) {
          const errors = result.problems.filter((problem) => problem.severity === "error").length;
          throw new ApiError(
            422,
            "validation_failed",
            `The draft has ${errors} error(s); fix them before publishing. Nothing was published.`,
            { problems: result.problems },
          );
        }
        const version = await insertNextVersion(
          transaction,
          row,
          result.assistant,
          caller.userId ?? caller.apiKeyId ?? null,
        );
        const live = await setLiveVersion(transaction, row, version.version);
        const publishers = await publishersOf(transaction, caller.organizationId, [version.publishedBy]);
        return { live, version, publishers, warnings: result.problems };
      });
      return reply
        .status(201)
        .header("etag", entityTag(published.live.draftRevision))
        .send({
          ...versionDetailOf(published.version, published.live.liveVersion, published.publishers),
          problems: published.warnings,
        });
    },
  );

  app.get(
    "/v1/assistants/:id/versions",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List the published versions, newest first",
        params: AssistantParams,
        response: { 200: z.object({ data: z.array(VersionSummary) }) },
      },
    },
    async (request) => {
      const row = await findAssistant(database, callerOf(request).organizationId, request.params.id);
      return { data: await listVersions(database, row) };
    },
  );

  app.get(
    "/v1/assistants/:id/versions/compare",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "Compare two versions, or a version and the draft: settings, dialogs and interactions",
        params: AssistantParams,
        querystring: CompareQuery,
        response: { 200: CompareResponse },
      },
    },
    async (request) => {
      const row = await findAssistant(database, callerOf(request).organizationId, request.params.id);
      const { from, to } = request.query;
      const diff = compareAssistants(
        await definitionAt(database, row, from),
        await definitionAt(database, row, to),
      );
      return { from, to, ...diff };
    },
  );

  app.get(
    "/v1/assistants/:id/versions/:version",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "Get a published version with its definition",
        params: VersionParams,
        response: { 200: VersionDetail },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const row = await findAssistant(database, organizationId, request.params.id);
      const version = await findVersion(database, row, request.params.version);
      const publishers = await publishersOf(database, organizationId, [version.publishedBy]);
      return versionDetailOf(version, row.liveVersion, publishers);
    },
  );

  app.put(
    "/v1/assistants/:id/live",
    {
      config: { scope: scopes.assistantsWrite },
      schema: {
        tags,
        summary: "Choose the live version, or none (null) to take the assistant offline",
        params: AssistantParams,
        body: LiveBody,
        response: { 200: AssistantDetail },
      },
    },
    async (request) => {
      const row = await database.transaction(async (transaction) => {
        const current = await lockAssistant(transaction, callerOf(request).organizationId, request.params.id);
        const { version } = request.body;
        if (version !== null) await findVersion(transaction, current, version);
        return setLiveVersion(transaction, current, version);
      });
      return detailOf(row);
    },
  );
};
