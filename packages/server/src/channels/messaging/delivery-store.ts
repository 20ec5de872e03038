import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../database/connection.ts";
import { conversationActivity, messageDeliveries } from "../../database/schema/index.ts";
import type { DeliveryStatusUpdate, OutgoingPart } from "./messaging-adapter.ts";

export type DeliveryRow = typeof messageDeliveries.$inferSelect;

/** How far a message has got; a status never goes back (a late "sent" after "read" changes nothing). */
const progress = { pending: 0, sent: 1, delivered: 2, read: 3, failed: 4 } as const;

export async function pendingDeliveries(executor: Executor, conversationId: string): Promise<DeliveryRow[]> {
  return executor
    .select()
    .from(messageDeliveries)
    .where(and(eq(messageDeliveries.conversationId, conversationId), eq(messageDeliveries.status, "pending")))
    .orderBy(asc(messageDeliveries.sequence), asc(messageDeliveries.part));
}

export async function deliveriesOf(executor: Executor, conversationId: string): Promise<DeliveryRow[]> {
  return executor
    .select()
    .from(messageDeliveries)
    .where(eq(messageDeliveries.conversationId, conversationId))
    .orderBy(asc(messageDeliveries.sequence), asc(messageDeliveries.part));
}

/** The parts a message turned into beyond its first, which the turn recorded. */
export async function ensureParts(executor: Executor, first: DeliveryRow, count: number): Promise<void> {
  if (count <= 1) return;
  const rows = [];
  for (let part = 1; part < count; part += 1) {
    rows.push({
      conversationId: first.conversationId,
      sequence: first.sequence,
      part,
      connectionId: first.connectionId,
      status: "pending" as const,
    });
  }
  await executor.insert(messageDeliveries).values(rows).onConflictDoNothing();
}

export async function partsOf(
  executor: Executor,
  conversationId: string,
  sequence: number,
): Promise<DeliveryRow[]> {
  return executor
    .select()
    .from(messageDeliveries)
    .where(
      and(eq(messageDeliveries.conversationId, conversationId), eq(messageDeliveries.sequence, sequence)),
    )
    .orderBy(asc(messageDeliveries.part));
}

export async function markSent(
  executor: Executor,
  delivery: DeliveryRow,
  part: OutgoingPart,
  providerMessageId: string,
  now: Date,
): Promise<void> {
  await executor
    .update(messageDeliveries)
    .set({
      status: "sent",
      providerMessageId,
      segments: part.segments ?? null,
      summary: part.summary,
      error: null,
      attempts: sql`${messageDeliveries.attempts} + 1`,
      updatedAt: now,
    })
    .where(keyOf(delivery));
}

/** A failed attempt that will be tried again: counted, with its reason, still pending. */
export async function markAttemptFailed(
  executor: Executor,
  delivery: DeliveryRow,
  reason: string,
  now: Date,
): Promise<void> {
  await executor
    .update(messageDeliveries)
    .set({ error: reason.slice(0, 2000), attempts: sql`${messageDeliveries.attempts} + 1`, updatedAt: now })
    .where(keyOf(delivery));
}

/**
 * A message that will not reach the customer: recorded on the delivery and on the conversation's
 * activity, where agents see why, never dropped in silence.
 */
export async function markFailed(
  executor: Executor,
  delivery: DeliveryRow,
  reason: string,
  now: Date,
  options: { attempted: boolean; summary?: string } = { attempted: true },
): Promise<void> {
  await executor
    .update(messageDeliveries)
    .set({
      status: "failed",
      error: reason.slice(0, 2000),
      ...(options.summary ? { summary: options.summary } : {}),
      ...(options.attempted ? { attempts: sql`${messageDeliveries.attempts} + 1` } : {}),
      updatedAt: now,
    })
    .where(keyOf(delivery));
  await executor.insert(conversationActivity).values({
    conversationId: delivery.conversationId,
    kind: "delivery_failed",
    data: { sequence: delivery.sequence, part: delivery.part, reason: reason.slice(0, 2000) },
    createdAt: now,
  });
}

/** A provider's status callback; unknown message ids (another system's messages) change nothing. */
export async function applyDeliveryStatus(
  executor: Executor,
  connectionId: string,
  update: DeliveryStatusUpdate,
  now: Date,
): Promise<boolean> {
  const [delivery] = await executor
    .select()
    .from(messageDeliveries)
    .where(
      and(
        eq(messageDeliveries.connectionId, connectionId),
        eq(messageDeliveries.providerMessageId, update.providerMessageId),
      ),
    );
  if (!delivery) return false;
  const current = progress[delivery.status];
  // A failure after delivery is a late report of something the customer already has.
  if (update.status === "failed" ? current >= progress.delivered : progress[update.status] <= current)
    return true;
  if (update.status === "failed") {
    await markFailed(executor, delivery, update.error ?? "the provider reported the message as failed", now, {
      attempted: false,
    });
  } else {
    await executor
      .update(messageDeliveries)
      .set({ status: update.status, updatedAt: now })
      .where(keyOf(delivery));
  }
  return true;
}

function keyOf(delivery: Pick<DeliveryRow, "conversationId" | "sequence" | "part">) {
  return and(
    eq(messageDeliveries.conversationId, delivery.conversationId),
    eq(messageDeliveries.sequence, delivery.sequence),
    eq(messageDeliveries.part, delivery.part),
  );
}
