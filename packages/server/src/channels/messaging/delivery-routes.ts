import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { findConversation } from "../../conversations/conversation-store.ts";
import type { Database } from "../../database/connection.ts";
import { callerOf } from "../../http/authentication.ts";
import { ErrorBody, notFound } from "../../http/errors.ts";
import { scopes } from "../../http/scopes.ts";
import { deliveriesOf } from "./delivery-store.ts";
import { deliveryStatuses } from "./messaging-adapter.ts";

export const MessageDelivery = z
  .object({
    /** The transcript message this part belongs to. */
    sequence: z.number().int(),
    /** Messages longer than the provider takes go out in several parts, numbered from 0. */
    part: z.number().int(),
    status: z.enum(deliveryStatuses),
    providerMessageId: z.string().nullable(),
    /** SMS: the segments the operator bills. */
    segments: z.number().int().nullable(),
    summary: z.string().nullable(),
    /** Why the last attempt failed, in the provider's words. */
    error: z.string().nullable(),
    attempts: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: "MessageDelivery" });

/** How each message Parley sent on SMS or WhatsApp is doing: sent, delivered, read or failed, and why. */
export const deliveryRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/conversations/:id/deliveries",
    {
      config: { scope: scopes.agent },
      schema: {
        tags: ["channels"],
        summary: "Delivery statuses of the messages sent on a messaging channel",
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ data: z.array(MessageDelivery) }), 404: ErrorBody },
      },
    },
    async (request) => {
      const conversation = await findConversation(
        database,
        request.params.id,
        callerOf(request).organizationId,
      );
      if (!conversation) throw notFound("Conversation", request.params.id);
      const rows = await deliveriesOf(database, conversation.id);
      return {
        data: rows.map((row) => ({
          sequence: row.sequence,
          part: row.part,
          status: row.status,
          providerMessageId: row.providerMessageId,
          segments: row.segments,
          summary: row.summary,
          error: row.error,
          attempts: row.attempts,
          updatedAt: row.updatedAt.toISOString(),
        })),
      };
    },
  );
};
