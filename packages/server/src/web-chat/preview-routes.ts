import { hasErrors, validateAssistant } from "@parley/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { findAssistant } from "../assistants/store.ts";
import { messagesAfter } from "../conversations/conversation-store.ts";
import type { ConversationRunner } from "../conversations/runner.ts";
import { isUuid } from "../data/identifiers.ts";
import { validationOptionsFor } from "../data/validation-options.ts";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { ApiError, ErrorBody, notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { publicConversation } from "./public-conversation.ts";
import { Session, StartedResponse } from "./web-chat-schemas.ts";

const PreviewRequest = z
  .strictObject({
    session: Session,
    startDialogId: z.string().min(1).max(128).optional(),
  })
  .meta({ id: "PreviewRequest" });

/**
 * Preview (spec 19): an admin talks to the draft as a customer would, through the
 * same web chat routes and socket. Preview conversations stay out of reports and
 * webhooks, and the draft they run is kept with them since drafts change.
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
        summary: "Start a preview conversation with the assistant's draft",
        params: z.object({ id: z.string().max(64) }),
        body: PreviewRequest,
        response: { 201: StartedResponse, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      if (!isUuid(request.params.id)) throw notFound("Assistant", request.params.id);
      const assistant = await findAssistant(database, organizationId, request.params.id);
      const result = validateAssistant(assistant.draft, await validationOptionsFor(database, organizationId));
      if (result.assistant === null || hasErrors(result.problems)) {
        throw new ApiError(
          422,
          "draft_invalid",
          "The draft has problems to fix before it can be previewed.",
          {
            problems: result.problems
              .filter((problem) => problem.severity === "error")
              .map((problem) => ({ path: problem.path, code: problem.code, message: problem.message })),
          },
        );
      }
      const { startDialogId } = request.body;
      if (
        startDialogId !== undefined &&
        !result.assistant.dialogs.some((dialog) => dialog.id === startDialogId)
      ) {
        throw new ApiError(422, "unknown_dialog", `The draft has no dialog ${startDialogId}.`, {
          problems: [
            {
              in: "body",
              path: "/startDialogId",
              code: "unknown_dialog",
              message: "no such dialog in the draft",
            },
          ],
        });
      }
      if (result.assistant.channel !== "chat") {
        throw new ApiError(422, "preview_chat_only", "Only chat assistants can be previewed in web chat.", {
          problems: [
            { path: "/channel", code: "preview_chat_only", message: "must be chat to preview in web chat" },
          ],
        });
      }
      const started = await runner.start({
        organizationId,
        brandId: null,
        channel: "chat",
        session: request.body.session,
        customerId: null,
        preview: { assistantId: assistant.id, definition: result.assistant, startDialogId },
      });
      if (!started) throw new Error("a preview always starts");
      return reply.status(201).send({
        conversation: await publicConversation(database, started.conversation),
        visitorToken: started.visitorToken,
        messages: await messagesAfter(database, started.conversation.id, 0),
      });
    },
  );
};
