import type { OutboundMessage } from "@parley/engine";
import { and, eq } from "drizzle-orm";
import type { JobWithMetadata, PgBoss } from "pg-boss";
import { findConversation } from "../../conversations/conversation-store.ts";
import { type CredentialCipher, CredentialUnreadableError } from "../../credentials/credential-cipher.ts";
import type { Database } from "../../database/connection.ts";
import { conversationMessages } from "../../database/schema/index.ts";
import { jobHeartbeat, queueNames } from "../../jobs/job-queue.ts";
import {
  type ConnectionRow,
  connectionForAdapter,
  findConnection,
  webhookPath,
} from "../connections/connection-store.ts";
import { messagingAdapters } from "./adapters.ts";
import type { ChannelSendJob } from "./delivery-queue.ts";
import {
  type DeliveryRow,
  ensureParts,
  markAttemptFailed,
  markFailed,
  markSent,
  partsOf,
  pendingDeliveries,
} from "./delivery-store.ts";
import type { ConnectionForAdapter, MessagingAdapter, SendTarget } from "./messaging-adapter.ts";

/** How long one request to a provider may take before it counts as a transient failure. */
export const sendTimeoutMilliseconds = 15_000;

/** WhatsApp lets a business write freely for 24 hours after the customer's last message. */
const serviceWindowMilliseconds = 24 * 60 * 60 * 1000;

export interface DeliveryWorkerOptions {
  database: Database;
  cipher: CredentialCipher | null;
  /** The guarded fetch (outgoing/guarded-fetch.ts). */
  fetch: typeof fetch;
  /**
   * The server's public address, for status callbacks (PARLEY_PUBLIC_URL); without one, the address
   * it listens on, which only a provider on the same machine (a simulator) can reach.
   */
  publicUrl: () => string | undefined;
  now: () => number;
  timeoutMilliseconds?: number | undefined;
}

function statusCallbackUrl(options: DeliveryWorkerOptions, connection: ConnectionRow): string {
  const base = options.publicUrl();
  return base ? `${base}${webhookPath(connection)}` : "";
}

/** Thrown so the queue tries the conversation's pending messages again later; the attempt is recorded. */
class SendAttemptFailed extends Error {
  override name = "SendAttemptFailed";
}

interface Sending {
  adapter: MessagingAdapter;
  connection: ConnectionForAdapter;
  target: SendTarget;
  statusCallbackUrl: string;
  lastAttempt: boolean;
}

/**
 * Sends a conversation's pending messages in order. A transient failure stops the run so later
 * messages do not overtake the one that failed; the queue retries with backoff, and the last
 * attempt records what still fails as failed. A part already sent is never sent again.
 */
async function sendPending(
  options: DeliveryWorkerOptions,
  job: JobWithMetadata<ChannelSendJob>,
): Promise<void> {
  const { database } = options;
  const conversation = await findConversation(database, job.data.conversationId);
  if (!conversation || conversation.customerAddress === null) return;
  const pending = await pendingDeliveries(database, conversation.id);
  if (pending.length === 0) return;
  const now = () => new Date(options.now());
  const connectionRow = conversation.channelConnectionId
    ? await findConnection(database, conversation.channelConnectionId)
    : undefined;
  if (!connectionRow?.enabled) {
    const reason = connectionRow
      ? "the channel connection is disabled"
      : "the channel connection was deleted";
    for (const delivery of pending) await markFailed(database, delivery, reason, now(), { attempted: false });
    return;
  }
  const adapter = messagingAdapters[connectionRow.provider];
  let connection: ConnectionForAdapter;
  try {
    connection = connectionForAdapter(connectionRow, options.cipher);
  } catch (error) {
    if (!(error instanceof CredentialUnreadableError)) throw error;
    // Retrying cannot help until an admin saves the credentials again: say so on each message.
    for (const delivery of pending)
      await markFailed(database, delivery, error.message, now(), { attempted: false });
    return;
  }
  const lastCustomer = conversation.lastCustomerMessageAt?.getTime() ?? 0;
  const sending: Sending = {
    adapter,
    connection,
    target: {
      to: conversation.customerAddress,
      channel: conversation.channel as SendTarget["channel"],
      withinServiceWindow: options.now() - lastCustomer < serviceWindowMilliseconds,
    },
    statusCallbackUrl: statusCallbackUrl(options, connectionRow),
    lastAttempt: job.retryCount >= job.retryLimit,
  };
  const sequences = [...new Set(pending.map((delivery) => delivery.sequence))];
  for (const sequence of sequences) await sendMessage(options, sending, conversation.id, sequence);
}

async function sendMessage(
  options: DeliveryWorkerOptions,
  sending: Sending,
  conversationId: string,
  sequence: number,
): Promise<void> {
  const { database } = options;
  const now = () => new Date(options.now());
  const [message] = await database
    .select({ body: conversationMessages.body })
    .from(conversationMessages)
    .where(
      and(
        eq(conversationMessages.conversationId, conversationId),
        eq(conversationMessages.sequence, sequence),
      ),
    );
  const parts = await partsOf(database, conversationId, sequence);
  const first = parts[0];
  if (!message || !first) return;
  const rendered = sending.adapter.render(
    message.body as OutboundMessage,
    sending.target,
    sending.connection,
  );
  if ("failure" in rendered) {
    for (const part of parts)
      if (part.status === "pending")
        await markFailed(database, part, rendered.failure, now(), { attempted: false });
    return;
  }
  await ensureParts(database, first, rendered.parts.length);
  const stored = await partsOf(database, conversationId, sequence);
  for (const [index, part] of rendered.parts.entries()) {
    const delivery = stored[index] as DeliveryRow;
    if (delivery.status !== "pending") continue;
    const result = await sending.adapter.send(part, sending.target, sending.connection, {
      fetch: options.fetch,
      timeoutMilliseconds: options.timeoutMilliseconds ?? sendTimeoutMilliseconds,
      statusCallbackUrl: sending.statusCallbackUrl,
    });
    if (result.ok) {
      await markSent(database, delivery, part, result.providerMessageId, now());
    } else if (!result.transient) {
      await markFailed(database, delivery, result.reason, now(), { attempted: true, summary: part.summary });
    } else if (sending.lastAttempt) {
      const attempts = delivery.attempts + 1;
      await markFailed(database, delivery, `gave up after ${attempts} attempts: ${result.reason}`, now(), {
        attempted: true,
        summary: part.summary,
      });
    } else {
      await markAttemptFailed(database, delivery, result.reason, now());
      throw new SendAttemptFailed(result.reason);
    }
  }
}

/**
 * Starts sending messaging channels' messages from this process; returns the worker id. A batch
 * holds one job per conversation at most (the queue is stately per conversation), and its
 * conversations send side by side. A failure retries the whole batch: the conversations that
 * sent find nothing pending the next time, so nothing goes out twice.
 */
export async function registerDeliveryWorker(jobs: PgBoss, options: DeliveryWorkerOptions): Promise<string> {
  return jobs.work<
    ChannelSendJob,
    void,
    {
      includeMetadata: true;
      batchSize: number;
      burstWhenBatchFull: boolean;
      localConcurrency: number;
      pollingIntervalSeconds: number;
      notifyPollingIntervalSeconds: number;
      heartbeatRefreshSeconds: number;
    }
  >(
    queueNames.channelSend,
    {
      includeMetadata: true,
      batchSize: 20,
      // A backlog drains without waiting a polling interval after every fetch.
      burstWhenBatchFull: true,
      localConcurrency: 2,
      pollingIntervalSeconds: 1,
      notifyPollingIntervalSeconds: 1,
      heartbeatRefreshSeconds: jobHeartbeat.refreshSeconds,
    },
    async (batch) => {
      const results = await Promise.allSettled(batch.map((job) => sendPending(options, job)));
      const failure = results.find((result) => result.status === "rejected");
      if (failure) throw failure.reason;
    },
  );
}
