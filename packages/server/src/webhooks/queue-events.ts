import { randomUUID } from "node:crypto";
import { and, arrayOverlaps, eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { ConversationDomainEvent } from "../conversations/domain-events.ts";
import { storableJson } from "../conversations/storable-json.ts";
import { OrganizationCache } from "../data/organization-cache.ts";
import type { Executor } from "../database/connection.ts";
import { type WebhookPayload, webhookDeliveries, webhookSubscriptions } from "../database/schema/index.ts";
import { inTransaction, queueNames } from "../jobs/job-queue.ts";
import { testEventType } from "./webhook-schemas.ts";

/** What a delivery job carries: the rest is read from the delivery row at each attempt. */
export interface WebhookDeliveryJob {
  deliveryId: string;
}

type NewDelivery = typeof webhookDeliveries.$inferInsert & { id: string };

/**
 * Stores the deliveries and queues a job for each, through the caller's executor: inside a
 * transaction, both exist exactly when the transaction commits. The delivery id is the job id,
 * so the log can say when the job queue tries a delivery next.
 */
async function queueDeliveries(executor: Executor, jobs: PgBoss, deliveries: NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await executor.insert(webhookDeliveries).values(deliveries);
  await jobs.insert(
    queueNames.webhookDelivery,
    deliveries.map((delivery) => ({ id: delivery.id, data: { deliveryId: delivery.id } })),
    inTransaction(executor),
  );
}

/**
 * Most organizations have no subscriptions, and every turn would ask. Only the absence is
 * trusted from the cache: when there are some, the turn reads them, so a subscription deleted
 * on another process is never delivered to. One created elsewhere hears events from at most a
 * second later; the process that changes subscriptions forgets at once.
 */
const subscriptionPresence = new OrganizationCache<boolean>(1000);

function hasEnabledSubscriptions(executor: Executor, organizationId: string): Promise<boolean> {
  return subscriptionPresence.get(organizationId, async () => {
    const [any] = await executor
      .select({ id: webhookSubscriptions.id })
      .from(webhookSubscriptions)
      .where(
        and(eq(webhookSubscriptions.organizationId, organizationId), eq(webhookSubscriptions.enabled, true)),
      )
      .limit(1);
    return any !== undefined;
  });
}

/** Called after a change to an organization's subscriptions has committed. */
export function forgetSubscriptionPresence(organizationId: string): void {
  subscriptionPresence.forget(organizationId);
}

/**
 * Queues a delivery of each event to each enabled subscription of the organization that listens to
 * its type. Call it inside the transaction that records what the events describe, so a rolled-back
 * turn sends nothing. An organization without subscriptions costs nothing most of the time.
 */
export async function queueWebhookEvents(
  executor: Executor,
  jobs: PgBoss,
  organizationId: string,
  events: ConversationDomainEvent[],
  occurredAt: Date = new Date(),
): Promise<void> {
  if (events.length === 0) return;
  if (!(await hasEnabledSubscriptions(executor, organizationId))) return;
  const types = [...new Set(events.map((event) => event.type))];
  const subscriptions = await executor
    .select({ id: webhookSubscriptions.id, eventTypes: webhookSubscriptions.eventTypes })
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.organizationId, organizationId),
        eq(webhookSubscriptions.enabled, true),
        arrayOverlaps(webhookSubscriptions.eventTypes, types),
      ),
    );
  if (subscriptions.length === 0) return;
  const createdAt = occurredAt.toISOString();
  const deliveries: NewDelivery[] = [];
  for (const event of events) {
    const payload: WebhookPayload = {
      id: randomUUID(),
      type: event.type,
      createdAt,
      organizationId,
      conversationId: event.conversationId,
      data: event.data,
    };
    // Customers can send text jsonb refuses; it must not fail the turn that queues the event.
    const storablePayload = storableJson(payload);
    for (const subscription of subscriptions) {
      if (!subscription.eventTypes.includes(event.type)) continue;
      deliveries.push({
        id: randomUUID(),
        organizationId,
        subscriptionId: subscription.id,
        eventId: payload.id,
        eventType: event.type,
        conversationId: event.conversationId,
        payload: storablePayload,
      });
    }
  }
  await queueDeliveries(executor, jobs, deliveries);
}

/** Queues a `webhook.test` ping to one subscription, whatever events it listens to. Returns the delivery id. */
export async function queueTestDelivery(
  executor: Executor,
  jobs: PgBoss,
  organizationId: string,
  subscriptionId: string,
): Promise<string> {
  const eventId = randomUUID();
  const delivery: NewDelivery = {
    id: randomUUID(),
    organizationId,
    subscriptionId,
    eventId,
    eventType: testEventType,
    conversationId: null,
    payload: {
      id: eventId,
      type: testEventType,
      createdAt: new Date().toISOString(),
      organizationId,
      conversationId: null,
      data: { webhookId: subscriptionId },
    },
  };
  await queueDeliveries(executor, jobs, [delivery]);
  return delivery.id;
}
