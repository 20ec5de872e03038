import { type Assistant, hasErrors, validateAssistant } from "@parley/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AssistantRow } from "../../assistants/representation.ts";
import { findAssistant } from "../../assistants/store.ts";
import { findVersion } from "../../assistants/versions.ts";
import { messagesAfter } from "../../conversations/conversation-store.ts";
import type { ConversationRunner } from "../../conversations/runner.ts";
import { isUuid } from "../../data/identifiers.ts";
import { validationOptionsFor } from "../../data/validation-options.ts";
import type { Database } from "../../database/connection.ts";
import { callerOf } from "../../http/authentication.ts";
import { ApiError, ErrorBody, notFound } from "../../http/errors.ts";
import { scopes } from "../../http/scopes.ts";
import { PreviewState, previewConversation, previewStateOf } from "./preview-state.ts";
import { publicConversation } from "./public-conversation.ts";
import { newVisitorToken } from "./visitor-tokens.ts";
import { Session, StartedResponse } from "./web-chat-schemas.ts";

const PreviewRequest = z
  .strictObject({
    session: Session,
    startDialogId: z.string().min(1).max(128).optional(),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("A published version to preview; the draft when left out"),
  })
  .meta({ id: "PreviewRequest" });

const AssistantParams = z.object({ id: z.string().max(64) });

function bodyProblem(status: number, code: string, message: string, path: string, detail: string): ApiError {
  return new ApiError(status, code, message, { problems: [{ in: "body", path, code, message: detail }] });
}

/** The draft when it has no errors; a draft with errors cannot run, so its problems are the answer. */
async function runnableDraft(database: Database, organizationId: string, row: AssistantRow) {
  const result = validateAssistant(row.draft, await validationOptionsFor(database, organizationId));
  if (result.assistant === null || hasErrors(result.problems)) {
    throw new ApiError(422, "draft_invalid", "The draft has problems to fix before it can be previewed.", {
      problems: result.problems
        .filter((problem) => problem.severity === "error")
        .map((problem) => ({ path: problem.path, code: problem.code, message: problem.message })),
    });
  }
  return result.assistant;
}

/**
 * A published version as customers got it: it was validated when it was published, and customers
 * keep running it even if something it names has changed since, so the preview does too.
 */
async function publishedVersion(database: Database, row: AssistantRow, version: number): Promise<Assistant> {
  try {
    return (await findVersion(database, row, version)).definition;
  } catch (error) {
    if (!(error instanceof ApiError) || error.statusCode !== 404) throw error;
    throw bodyProblem(
      422,
      "unknown_version",
      `Assistant ${row.id} has no published version ${version}.`,
      "/version",
      "no such published version",
    );
  }
}

/**
 * Preview (spec 19): an admin talks to the draft, or to a published version, as a customer would,
 * through the same web chat routes and socket. Preview conversations stay out of reports and
 * webhooks, and the definition they run is kept with them since drafts change.
 */
export const previewRoutes: FastifyPluginAsyncZod<{
  database: Database;
  runner: ConversationRunner;
}> = async (app, { database, runner }) => {
  app.post(
    "/v1/assistants/:id/preview",
    {
      config: { scope: scopes.assistantsWrite },
      schema: {
        tags: ["assistants"],
        summary: "Start a preview conversation with the assistant's draft or one of its published versions",
        params: AssistantParams,
        body: PreviewRequest,
        response: { 201: StartedResponse, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      if (!isUuid(request.params.id)) throw notFound("Assistant", request.params.id);
      const assistant = await findAssistant(database, organizationId, request.params.id);
      const { startDialogId, version } = request.body;
      const definition =
        version === undefined
          ? await runnableDraft(database, organizationId, assistant)
          : await publishedVersion(database, assistant, version);
      if (startDialogId !== undefined && !definition.dialogs.some((dialog) => dialog.id === startDialogId)) {
        const what = version === undefined ? "The draft" : `Version ${version}`;
        throw bodyProblem(
          422,
          "unknown_dialog",
          `${what} has no dialog ${startDialogId}.`,
          "/startDialogId",
          "no such dialog in what is previewed",
        );
      }
      if (definition.channel !== "chat") {
        throw new ApiError(422, "preview_chat_only", "Only chat assistants can be previewed in web chat.", {
          problems: [
            { path: "/channel", code: "preview_chat_only", message: "must be chat to preview in web chat" },
          ],
        });
      }
      const visitor = newVisitorToken();
      const started = await runner.start({
        organizationId,
        brandId: null,
        channel: "chat",
        visitorTokenHash: visitor.hash,
        session: request.body.session,
        customerId: null,
        preview: { assistantId: assistant.id, definition, startDialogId },
      });
      if (!started) throw new Error("a preview always starts");
      return reply.status(201).send({
        conversation: await publicConversation(database, started.conversation),
        visitorToken: visitor.token,
        messages: await messagesAfter(database, started.conversation.id, 0),
      });
    },
  );

  app.get(
    "/v1/assistants/:id/preview/:conversationId",
    {
      config: { scope: scopes.assistantsWrite },
      schema: {
        tags: ["assistants"],
        summary: "Where a preview conversation is: its dialog, what it waits for, the attributes collected",
        params: AssistantParams.extend({ conversationId: z.string().max(64) }),
        response: { 200: PreviewState, 404: ErrorBody },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const row = await previewConversation(
        database,
        organizationId,
        request.params.id,
        request.params.conversationId,
      );
      return previewStateOf(row);
    },
  );
};
