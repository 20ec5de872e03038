import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ConversationRunner } from "../../conversations/runner.ts";
import type { CredentialCipher } from "../../credentials/credential-cipher.ts";
import { CredentialUnreadableError } from "../../credentials/credential-cipher.ts";
import type { Database } from "../../database/connection.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { webhookBase } from "../connections/connection-routes.ts";
import { type ConnectionRow, connectionForAdapter, findConnection } from "../connections/connection-store.ts";
import { messagingAdapters } from "./adapters.ts";
import { applyDeliveryStatus } from "./delivery-store.ts";
import { receiveCustomerMessage } from "./inbound-messages.ts";
import {
  type ConnectionForAdapter,
  type MessagingAdapter,
  messagingProviders,
  type ReceivedWebhook,
  type WebhookAnswer,
  WebhookPayloadError,
} from "./messaging-adapter.ts";

/** Meta batches up to 1,000 updates in one delivery. */
const webhookBodyLimit = 4 * 1024 * 1024;

const Params = z.object({ provider: z.enum(messagingProviders), id: z.uuid() });

export interface WebhookRouteOptions {
  database: Database;
  runner: ConversationRunner;
  cipher: CredentialCipher | null;
  publicUrl: string | undefined;
}

/** Numbers compare without the "whatsapp:" prefix, spaces or dashes. */
function sameAddress(left: string, right: string): boolean {
  const bare = (address: string) => address.replace(/^whatsapp:/, "").replace(/[\s-]/g, "");
  return bare(left) === bare(right);
}

function send(reply: FastifyReply, answer: WebhookAnswer): FastifyReply {
  return reply.status(answer.status).type(answer.contentType).send(answer.body);
}

/**
 * Where Twilio, Meta and MessageBird call: a customer's message or a delivery status, signed by
 * the provider. Signatures cover the raw bytes, so this plugin takes bodies unparsed. Nothing is
 * stored from a request whose signature fails; the log says why without the body.
 */
export const messagingWebhookRoutes: FastifyPluginAsyncZod<WebhookRouteOptions> = async (app, options) => {
  const { database, runner, cipher, publicUrl } = options;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: webhookBodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  const received = (request: FastifyRequest): ReceivedWebhook => ({
    method: request.method === "GET" ? "GET" : "POST",
    url: `${webhookBase(request, publicUrl)}${request.url}`,
    headers: request.headers as Record<string, string | undefined>,
    rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    query: request.query as Record<string, string>,
  });

  const connectionFor = async (
    params: z.infer<typeof Params>,
    log: FastifyRequest["log"],
  ): Promise<{ row: ConnectionRow; adapter: MessagingAdapter; connection: ConnectionForAdapter }> => {
    const row = await findConnection(database, params.id);
    // A connection of another provider answers like a missing one: ids reveal nothing.
    if (!row || row.provider !== params.provider) throw notFound("Channel connection", params.id);
    try {
      return { row, adapter: messagingAdapters[row.provider], connection: connectionForAdapter(row, cipher) };
    } catch (error) {
      if (!(error instanceof CredentialUnreadableError)) throw error;
      log.error(
        { connectionId: row.id, provider: row.provider, reason: error.message },
        "webhook for a connection whose credentials cannot be read",
      );
      // 503, so the provider tries again once an admin has saved the credentials again.
      throw new ApiError(503, "credentials_unreadable", `Channel connection ${row.id}: ${error.message}.`);
    }
  };

  app.get(
    "/v1/channels/:provider/:id/webhook",
    {
      config: { scope: "public" },
      schema: {
        tags: ["channels"],
        summary: "The provider's webhook verification (Meta's handshake)",
        params: Params,
      },
    },
    async (request, reply) => {
      const { row, adapter, connection } = await connectionFor(request.params, request.log);
      if (!adapter.handshake) {
        return reply.status(405).send({
          error: { code: "method_not_allowed", message: `${row.provider} webhooks are POST requests.` },
        });
      }
      const answer = adapter.handshake(received(request), connection);
      if (answer.status !== 200)
        request.log.warn({ connectionId: row.id, provider: row.provider }, "webhook verification refused");
      return send(reply, answer);
    },
  );

  app.post(
    "/v1/channels/:provider/:id/webhook",
    {
      config: { scope: "public" },
      bodyLimit: webhookBodyLimit,
      schema: {
        tags: ["channels"],
        summary: "A customer's message or a delivery status from the provider, signed",
        params: Params,
      },
    },
    async (request, reply) => {
      const { row, adapter, connection } = await connectionFor(request.params, request.log);
      const webhook = received(request);
      const now = runner.now();
      // A replay window is about the provider's wall clock, whatever time conversations run on.
      const verification = adapter.verify(webhook, connection, Date.now());
      if (!verification.ok) {
        request.log.warn(
          { connectionId: row.id, provider: row.provider, reason: verification.reason },
          "webhook signature refused",
        );
        return reply
          .status(verification.status)
          .send({ error: { code: "invalid_signature", message: verification.reason } });
      }
      let parsed: ReturnType<MessagingAdapter["parse"]>;
      try {
        parsed = adapter.parse(webhook, connection);
      } catch (error) {
        if (!(error instanceof WebhookPayloadError)) throw error;
        return reply.status(400).send({
          error: {
            code: "invalid_payload",
            message: `The ${row.provider} payload is malformed: ${error.message}.`,
            problems: [{ in: "body", path: error.pointer, code: "invalid", message: error.rule }],
          },
        });
      }
      if (!row.enabled) {
        request.log.warn(
          { connectionId: row.id, provider: row.provider },
          "webhook for a disabled connection: nothing stored",
        );
        return send(reply, adapter.acknowledgement());
      }
      for (const status of parsed.statuses)
        await applyDeliveryStatus(database, row.id, status, new Date(now));
      for (const message of parsed.messages) {
        if (!sameAddress(message.to, row.address)) {
          // Answered 200 all the same: the provider would retry forever a number it was told to send here.
          request.log.warn(
            { connectionId: row.id, provider: row.provider },
            "message to a number this connection does not have: nothing stored",
          );
          continue;
        }
        await receiveCustomerMessage(database, runner, row, message);
      }
      return send(reply, adapter.acknowledgement());
    },
  );
};
