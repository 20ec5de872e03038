import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import {
  type WebhookDeliveryStatus,
  type WebhookPayload,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookSubscriptions,
} from "../database/schema/index.ts";
import { ApiError } from "../http/errors.ts";
import { type AttemptOutcome, errorLength, storableExcerpt } from "./post-webhook.ts";
import type { SubscriptionRow } from "./subscription-store.ts";
import type { WebhookDelivery, WebhookDeliveryAttempt } from "./webhook-schemas.ts";

type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** The payload in a fixed key order: jsonb gives keys back reordered, and receivers read the body. */
export function payloadOf(row: DeliveryRow): WebhookPayload {
  const { id, type, createdAt, organizationId, conversationId, data } = row.payload;
  return { id, type, createdAt, organizationId, conversationId, data };
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.subscriptionId,
    eventId: row.eventId,
    eventType: row.eventType,
    conversationId: row.conversationId,
    status: row.status,
    attemptCount: row.attempts,
    lastResponseStatus: row.lastResponseStatus,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

function toAttempt(row: typeof webhookDeliveryAttempts.$inferSelect): WebhookDeliveryAttempt {
  return {
    number: row.number,
    url: row.url,
    startedAt: row.startedAt.toISOString(),
    durationMilliseconds: row.durationMilliseconds,
    responseStatus: row.responseStatus,
    responseBody: row.responseBody,
    error: row.error,
  };
}

function invalidCursor(): ApiError {
  return new ApiError(400, "invalid_request", "The cursor is not one this list returned.", {
    problems: [
      { in: "query", path: "/cursor", code: "invalid_cursor", message: "is not a cursor of this list" },
    ],
  });
}

/** The log pages by queueing order; the cursor is the last sequence seen, opaque to callers. */
function encodeCursor(sequence: number): string {
  return Buffer.from(JSON.stringify([sequence])).toString("base64url");
}

function decodeCursor(cursor: string): number {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const sequence = Array.isArray(values) && values.length === 1 ? values[0] : undefined;
  if (typeof sequence !== "number" || !Number.isSafeInteger(sequence) || sequence < 1) throw invalidCursor();
  return sequence;
}

export interface DeliveryQuery {
  status?: WebhookDeliveryStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A subscription's deliveries, most recently queued first. */
export async function listDeliveries(
  executor: Executor,
  subscriptionId: string,
  query: DeliveryQuery,
): Promise<{ data: WebhookDelivery[]; nextCursor: string | null }> {
  const rows = await executor
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        query.status ? eq(webhookDeliveries.status, query.status) : undefined,
        query.cursor !== undefined ? lt(webhookDeliveries.sequence, decodeCursor(query.cursor)) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.sequence))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toDelivery),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.sequence) : null,
  };
}

export async function findDelivery(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<{ delivery: DeliveryRow; attempts: WebhookDeliveryAttempt[] } | null> {
  const [delivery] = await executor
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.organizationId, organizationId)))
    .limit(1);
  if (!delivery) return null;
  const attempts = await executor
    .select()
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.deliveryId, id))
    .orderBy(asc(webhookDeliveryAttempts.number));
  return { delivery, attempts: attempts.map(toAttempt) };
}

/** A delivery with its subscription as they are now, for the next attempt; null when either is gone. */
export async function deliveryToAttempt(
  executor: Executor,
  deliveryId: string,
): Promise<{ delivery: DeliveryRow; subscription: SubscriptionRow } | null> {
  const [row] = await executor
    .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(eq(webhookDeliveries.id, deliveryId))
    .limit(1);
  return row ?? null;
}

/** Cancels a delivery still pending; false when it had already ended some other way. */
export async function cancelDelivery(
  executor: Executor,
  deliveryId: string,
  reason: string,
): Promise<boolean> {
  const rows = await executor
    .update(webhookDeliveries)
    .set({ status: "cancelled", lastError: storableExcerpt(reason, errorLength), updatedAt: new Date() })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending")))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

/**
 * Logs an attempt and moves the delivery on: succeeded, failed when no retry is left, otherwise
 * still pending.
 */
export async function recordAttempt(
  executor: Executor,
  deliveryId: string,
  url: string,
  outcome: AttemptOutcome,
  lastAttempt: boolean,
): Promise<void> {
  const now = new Date();
  const status: WebhookDeliveryStatus = outcome.succeeded ? "succeeded" : lastAttempt ? "failed" : "pending";
  await executor.transaction(async (transaction) => {
    const [updated] = await transaction
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        // What reached the receiver succeeded, even if cancelled meanwhile; a failure leaves a cancellation be.
        status: outcome.succeeded
          ? status
          : sql`CASE WHEN ${webhookDeliveries.status} = 'pending' THEN ${status} ELSE ${webhookDeliveries.status} END`,
        lastResponseStatus: outcome.responseStatus,
        lastError: outcome.error === null ? null : storableExcerpt(outcome.error, errorLength),
        updatedAt: now,
        ...(outcome.succeeded ? { deliveredAt: now } : {}),
      })
      .where(eq(webhookDeliveries.id, deliveryId))
      .returning({ attempts: webhookDeliveries.attempts });
    // Deleted with its subscription while the attempt was under way: nothing left to log.
    if (!updated) return;
    await transaction.insert(webhookDeliveryAttempts).values({
      deliveryId,
      number: updated.attempts,
      url,
      startedAt: outcome.startedAt,
      durationMilliseconds: outcome.durationMilliseconds,
      responseStatus: outcome.responseStatus,
      responseBody: outcome.responseBody,
      error: outcome.error === null ? null : storableExcerpt(outcome.error, errorLength),
    });
  });
}
