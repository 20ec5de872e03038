import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { ListQuery, pageSchema } from "../data/pagination.ts";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { ErrorBody, notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { queueNames } from "../jobs/job-queue.ts";
import type { OutgoingClient } from "../outgoing/guarded-fetch.ts";
import { assertReachable } from "../outgoing/url-checks.ts";
import { findDelivery, listDeliveries, payloadOf, toDelivery } from "./delivery-store.ts";
import { queueTestDelivery } from "./queue-events.ts";
import {
  createWebhook,
  deleteWebhook,
  findSubscription,
  listWebhooks,
  rotateWebhookSecret,
  toWebhook,
  updateWebhook,
} from "./subscription-store.ts";
import {
  DeliveryStatus,
  defaultPreviousSecretSeconds,
  SecretRotation,
  Webhook,
  WebhookChanges,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookInput,
  WebhookWithSecret,
  webhookLimits,
} from "./webhook-schemas.ts";

const tags = ["webhooks"];
const Id = z.object({ id: z.uuid() });

/**
 * Every webhook route needs the organization set-up scope, reading included: a subscription's
 * URL may carry the receiver's token, and the delivery log holds conversations' contents.
 */
const scope = scopes.organizationWrite;

/** Outbound webhooks: subscriptions, their signing secrets, test pings and the delivery log. */
export const webhookRoutes: FastifyPluginAsyncZod<{
  database: Database;
  jobs: PgBoss;
  outgoing: OutgoingClient;
}> = async (app, { database, jobs, outgoing }) => {
  app.post(
    "/v1/webhooks",
    {
      config: { scope },
      schema: {
        tags,
        summary: `Subscribe a URL to conversation events (at most ${webhookLimits.subscriptionsPerOrganization} per organization); the answer carries the signing secret, shown this once`,
        body: WebhookInput,
        response: { 201: WebhookWithSecret, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      await assertReachable(outgoing, "/url", request.body.url);
      const webhook = await createWebhook(database, callerOf(request).organizationId, request.body);
      return reply.status(201).send(webhook);
    },
  );

  app.get(
    "/v1/webhooks",
    {
      config: { scope },
      schema: {
        tags,
        summary: "List the organization's webhook subscriptions, oldest first",
        response: { 200: z.object({ data: z.array(Webhook) }) },
      },
    },
    async (request) => ({ data: await listWebhooks(database, callerOf(request).organizationId) }),
  );

  app.get(
    "/v1/webhooks/:id",
    {
      config: { scope },
      schema: { tags, summary: "Get a webhook subscription", params: Id, response: { 200: Webhook } },
    },
    async (request) => {
      const row = await findSubscription(database, callerOf(request).organizationId, request.params.id);
      if (!row) throw notFound("Webhook", request.params.id);
      return toWebhook(row);
    },
  );

  app.patch(
    "/v1/webhooks/:id",
    {
      config: { scope },
      schema: {
        tags,
        summary:
          "Change a subscription's URL, events, description or enabled; disabling cancels its pending deliveries",
        params: Id,
        body: WebhookChanges,
        response: { 200: Webhook, 422: ErrorBody },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (request.body.url !== undefined) await assertReachable(outgoing, "/url", request.body.url);
      const webhook = await updateWebhook(database, callerOf(request).organizationId, id, request.body);
      if (!webhook) throw notFound("Webhook", id);
      return webhook;
    },
  );

  app.delete(
    "/v1/webhooks/:id",
    {
      config: { scope },
      schema: {
        tags,
        summary: "Delete a subscription, its delivery log and its pending deliveries",
        params: Id,
      },
    },
    async (request, reply) => {
      if (!(await deleteWebhook(database, callerOf(request).organizationId, request.params.id))) {
        throw notFound("Webhook", request.params.id);
      }
      return reply.status(204).send();
    },
  );

  app.post(
    "/v1/webhooks/:id/rotate-secret",
    {
      config: { scope },
      schema: {
        tags,
        summary:
          "Replace the signing secret; the answer carries the new one, shown this once. The old one keeps signing for a day unless told otherwise",
        params: Id,
        body: SecretRotation,
        response: { 200: WebhookWithSecret },
      },
    },
    async (request) => {
      const { id } = request.params;
      const seconds = request.body?.previousSecretExpiresInSeconds ?? defaultPreviousSecretSeconds;
      const webhook = await rotateWebhookSecret(database, callerOf(request).organizationId, id, seconds);
      if (!webhook) throw notFound("Webhook", id);
      return webhook;
    },
  );

  app.post(
    "/v1/webhooks/:id/test",
    {
      config: { scope },
      schema: {
        tags,
        summary:
          "Queue a webhook.test ping to the subscription, even a disabled one; follow it in the delivery log",
        params: Id,
        response: { 202: WebhookDelivery },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { id } = request.params;
      const delivery = await database.transaction(async (transaction) => {
        if (!(await findSubscription(transaction, organizationId, id))) throw notFound("Webhook", id);
        const deliveryId = await queueTestDelivery(transaction, jobs, organizationId, id);
        return findDelivery(transaction, organizationId, deliveryId);
      });
      if (!delivery) throw new Error("the test delivery was not stored");
      return reply.status(202).send(toDelivery(delivery.delivery));
    },
  );

  app.get(
    "/v1/webhooks/:id/deliveries",
    {
      config: { scope },
      schema: {
        tags,
        summary: "A subscription's deliveries, most recent first",
        params: Id,
        querystring: ListQuery.extend({ status: DeliveryStatus.optional() }),
        response: { 200: pageSchema(WebhookDelivery) },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await findSubscription(database, callerOf(request).organizationId, id))) {
        throw notFound("Webhook", id);
      }
      return listDeliveries(database, id, request.query);
    },
  );

  app.get(
    "/v1/webhook-deliveries/:id",
    {
      config: { scope },
      schema: {
        tags,
        summary: "One delivery with its payload and every attempt",
        params: Id,
        response: { 200: WebhookDeliveryDetail },
      },
    },
    async (request) => {
      const { id } = request.params;
      const found = await findDelivery(database, callerOf(request).organizationId, id);
      if (!found) throw notFound("Webhook delivery", id);
      return {
        ...toDelivery(found.delivery),
        payload: { ...payloadOf(found.delivery) },
        attempts: found.attempts,
        nextAttemptAt: found.delivery.status === "pending" ? await nextAttemptAt(jobs, id) : null,
      };
    },
  );
};

/** When the job queue runs the delivery next: the delivery id is its job's id. */
async function nextAttemptAt(jobs: PgBoss, deliveryId: string): Promise<string | null> {
  const [job] = await jobs.findJobs(queueNames.webhookDelivery, { id: deliveryId });
  if (!job || (job.state !== "created" && job.state !== "retry")) return null;
  return new Date(job.startAfter).toISOString();
}
