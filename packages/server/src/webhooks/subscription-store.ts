import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { lockSubject } from "../data/locks.ts";
import type { Executor } from "../database/connection.ts";
import { webhookDeliveries, webhookSubscriptions } from "../database/schema/index.ts";
import { limitReached } from "../http/errors.ts";
import { forgetSubscriptionPresence } from "./queue-events.ts";
import { newSigningSecret, secretHint } from "./signing.ts";
import {
  testEventType,
  type Webhook,
  type WebhookChanges,
  type WebhookInput,
  type WebhookWithSecret,
  webhookLimits,
} from "./webhook-schemas.ts";

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

export function toWebhook(row: SubscriptionRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.eventTypes as Webhook["events"],
    enabled: row.enabled,
    secretHint: secretHint(row.secret),
    previousSecretExpiresAt:
      row.previousSecret && row.previousSecretExpiresAt ? row.previousSecretExpiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function withSecret(row: SubscriptionRow): WebhookWithSecret {
  return { ...toWebhook(row), secret: row.secret };
}

/** The secrets a delivery is signed with now: the current one, and the previous one until it expires. */
export function signingSecrets(row: SubscriptionRow, now: Date): string[] {
  const previousValid =
    row.previousSecret !== null &&
    row.previousSecretExpiresAt !== null &&
    row.previousSecretExpiresAt.getTime() > now.getTime();
  return previousValid && row.previousSecret ? [row.secret, row.previousSecret] : [row.secret];
}

function uniqueEventTypes(events: readonly string[]): string[] {
  return [...new Set(events)];
}

export async function findSubscription(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<SubscriptionRow | null> {
  const [row] = await executor
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.organizationId, organizationId)))
    .limit(1);
  return row ?? null;
}

export async function listWebhooks(executor: Executor, organizationId: string): Promise<Webhook[]> {
  const rows = await executor
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.organizationId, organizationId))
    .orderBy(asc(webhookSubscriptions.createdAt), asc(webhookSubscriptions.id));
  return rows.map(toWebhook);
}

/** Creates a subscription with a new signing secret, which the answer carries this once. */
export async function createWebhook(
  executor: Executor,
  organizationId: string,
  input: WebhookInput,
): Promise<WebhookWithSecret> {
  const created = await executor.transaction(async (transaction) => {
    // Counting and inserting must not interleave with another creation, or both could pass the limit.
    await lockSubject(transaction, organizationId, "webhooks");
    const [existing] = await transaction
      .select({ total: count() })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.organizationId, organizationId));
    const limit = webhookLimits.subscriptionsPerOrganization;
    if ((existing?.total ?? 0) >= limit) throw limitReached("webhook subscriptions", limit);
    const [row] = await transaction
      .insert(webhookSubscriptions)
      .values({
        id: randomUUID(),
        organizationId,
        url: input.url,
        description: input.description,
        eventTypes: uniqueEventTypes(input.events),
        secret: newSigningSecret(),
        enabled: input.enabled,
      })
      .returning();
    if (!row) throw new Error("the webhook subscription was not stored");
    return withSecret(row);
  });
  forgetSubscriptionPresence(organizationId);
  return created;
}

/**
 * Changes the given fields. Disabling cancels the subscription's pending deliveries of
 * conversation events at once, rather than at their next attempt, so the log says so right
 * away; test pings still go out, to try a receiver before turning the subscription on.
 */
export async function updateWebhook(
  executor: Executor,
  organizationId: string,
  id: string,
  changes: WebhookChanges,
): Promise<Webhook | null> {
  const updated = await executor.transaction(async (transaction) => {
    const [row] = await transaction
      .update(webhookSubscriptions)
      .set({
        ...(changes.url !== undefined ? { url: changes.url } : {}),
        ...(changes.events !== undefined ? { eventTypes: uniqueEventTypes(changes.events) } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.organizationId, organizationId)))
      .returning();
    if (!row) return null;
    if (!row.enabled) {
      await transaction
        .update(webhookDeliveries)
        .set({ status: "cancelled", updatedAt: new Date() })
        .where(
          and(
            eq(webhookDeliveries.subscriptionId, id),
            eq(webhookDeliveries.status, "pending"),
            ne(webhookDeliveries.eventType, testEventType),
          ),
        );
    }
    return toWebhook(row);
  });
  forgetSubscriptionPresence(organizationId);
  return updated;
}

/** Deletes a subscription with its delivery log; its pending deliveries find nothing left to send. */
export async function deleteWebhook(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const deleted = await executor
    .delete(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.organizationId, organizationId)))
    .returning({ id: webhookSubscriptions.id });
  return deleted.length > 0;
}

/**
 * Replaces the signing secret. The old one keeps signing alongside the new one for the given
 * seconds (0: not at all, for a leaked secret), so receivers can switch without refusing deliveries.
 * Only the secret just replaced is kept: rotating twice drops the older one.
 */
export async function rotateWebhookSecret(
  executor: Executor,
  organizationId: string,
  id: string,
  previousSecretExpiresInSeconds: number,
): Promise<WebhookWithSecret | null> {
  return executor.transaction(async (transaction) => {
    const current = await findSubscription(transaction, organizationId, id);
    if (!current) return null;
    const now = new Date();
    const keepPrevious = previousSecretExpiresInSeconds > 0;
    const [row] = await transaction
      .update(webhookSubscriptions)
      .set({
        secret: newSigningSecret(),
        previousSecret: keepPrevious ? current.secret : null,
        previousSecretExpiresAt: keepPrevious
          ? new Date(now.getTime() + previousSecretExpiresInSeconds * 1000)
          : null,
        updatedAt: now,
      })
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    return row ? withSecret(row) : null;
  });
}
