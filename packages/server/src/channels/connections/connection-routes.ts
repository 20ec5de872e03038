import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { CredentialCipher } from "../../credentials/credential-cipher.ts";
import { brandExists } from "../../data/brands.ts";
import type { Database, Executor } from "../../database/connection.ts";
import { callerOf } from "../../http/authentication.ts";
import { ApiError, ErrorBody, notFound } from "../../http/errors.ts";
import { scopes } from "../../http/scopes.ts";
import type { OutgoingClient } from "../../outgoing/guarded-fetch.ts";
import { ChannelConnection, ChannelConnectionInput, ChannelConnectionPatch } from "./connection-schemas.ts";
import {
  connectionView,
  createConnection,
  deleteConnection,
  findConnection,
  listConnections,
  updateConnection,
} from "./connection-store.ts";

const tags = ["channels"];
const Id = z.object({ id: z.uuid() });

export interface ConnectionRouteOptions {
  database: Database;
  cipher: CredentialCipher | null;
  outgoing: OutgoingClient;
  publicUrl: string | undefined;
}

/** The address providers reach this server at: the configured public URL, else what the request came to. */
export function webhookBase(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

async function checkReferences(
  executor: Executor,
  outgoing: OutgoingClient,
  organizationId: string,
  values: { brandId?: string | null | undefined; apiBaseUrl?: string | null | undefined },
): Promise<void> {
  const problems = [];
  if (values.brandId && !(await brandExists(executor, organizationId, values.brandId))) {
    problems.push({
      in: "body" as const,
      path: "/brandId",
      code: "unknown_brand",
      message: "is not a brand of this organization",
    });
  }
  const refusal = values.apiBaseUrl ? await outgoing.refusalOf(values.apiBaseUrl) : null;
  if (refusal !== null) {
    problems.push({
      in: "body" as const,
      path: "/apiBaseUrl",
      code: "address_not_allowed",
      message: refusal,
    });
  }
  if (problems.length > 0) {
    throw new ApiError(
      422,
      "invalid_channel_connection",
      `The connection cannot be saved: ${problems.length} problem(s).`,
      {
        problems,
      },
    );
  }
}

/** SMS and WhatsApp numbers an organization connects through Twilio, Meta or MessageBird. */
export const connectionRoutes: FastifyPluginAsyncZod<ConnectionRouteOptions> = async (app, options) => {
  const { database, cipher, outgoing, publicUrl } = options;

  app.get(
    "/v1/channel-connections",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List the organization's SMS and WhatsApp connections",
        response: { 200: z.object({ data: z.array(ChannelConnection) }) },
      },
    },
    async (request) => {
      const rows = await listConnections(database, callerOf(request).organizationId);
      const base = webhookBase(request, publicUrl);
      return { data: rows.map((row) => connectionView(row, cipher, base)) };
    },
  );

  app.post(
    "/v1/channel-connections",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary:
          "Connect an SMS or WhatsApp number; the answer gives the webhook URL to paste at the provider",
        body: ChannelConnectionInput,
        response: { 201: ChannelConnection, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      await checkReferences(database, outgoing, organizationId, request.body);
      const row = await createConnection(database, cipher, organizationId, request.body);
      return reply.status(201).send(connectionView(row, cipher, webhookBase(request, publicUrl)));
    },
  );

  app.get(
    "/v1/channel-connections/:id",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "A connection, with its webhook URL",
        params: Id,
        response: { 200: ChannelConnection, 404: ErrorBody },
      },
    },
    async (request) => {
      const row = await findConnection(database, request.params.id, callerOf(request).organizationId);
      if (!row) throw notFound("Channel connection", request.params.id);
      return connectionView(row, cipher, webhookBase(request, publicUrl));
    },
  );

  app.patch(
    "/v1/channel-connections/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Change a connection; credentials given replace those of the same name",
        params: Id,
        body: ChannelConnectionPatch,
        response: { 200: ChannelConnection, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      await checkReferences(database, outgoing, organizationId, request.body);
      const row = await updateConnection(database, cipher, organizationId, request.params.id, request.body);
      return connectionView(row, cipher, webhookBase(request, publicUrl));
    },
  );

  app.delete(
    "/v1/channel-connections/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Disconnect a number; its conversations stay",
        params: Id,
        response: { 204: z.null(), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await deleteConnection(database, callerOf(request).organizationId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
