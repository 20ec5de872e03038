import type { JobWithMetadata, PgBoss } from "pg-boss";
import type { Database } from "../database/connection.ts";
import { jobHeartbeat, queueNames } from "../jobs/job-queue.ts";
import { cancelDelivery, deliveryToAttempt, payloadOf, recordAttempt } from "./delivery-store.ts";
import { defaultTimeoutMilliseconds, postWebhook } from "./post-webhook.ts";
import type { WebhookDeliveryJob } from "./queue-events.ts";
import { signatureHeader } from "./signing.ts";
import { signingSecrets } from "./subscription-store.ts";
import { testEventType } from "./webhook-schemas.ts";

export const userAgent = "Parley-Webhooks/1.0";

/**
 * Deliveries in flight at once per process. More than one, so a receiver that takes its full
 * timeout to answer does not hold up every other organization's deliveries behind it.
 */
const concurrentDeliveries = 4;

export interface WebhookWorkerOptions {
  /**
   * The guarded client's fetch (outgoing/guarded-fetch.ts), so a delivery connects only where the
   * operator's policy allows; never the global one.
   */
  fetch: typeof fetch;
  timeoutMilliseconds?: number;
}

/** Thrown so the job queue retries the delivery with its backoff; the attempt is already logged. */
class WebhookAttemptFailed extends Error {
  override name = "WebhookAttemptFailed";
}

/**
 * One attempt of one delivery. The delivery and its subscription are read afresh each time, so
 * a changed URL or a rotated secret applies to the next retry, and a deleted or disabled
 * subscription stops its deliveries without sending anything.
 */
async function attemptDelivery(
  database: Database,
  job: JobWithMetadata<WebhookDeliveryJob>,
  options: Required<WebhookWorkerOptions>,
): Promise<void> {
  const found = await deliveryToAttempt(database, job.data.deliveryId);
  // Deleted with its subscription or its organization.
  if (!found) return;
  const { delivery, subscription } = found;
  // Already done: a job the queue runs again after a crash sends nothing twice when it can tell.
  if (delivery.status !== "pending") return;
  if (!subscription.enabled && delivery.eventType !== testEventType) {
    await cancelDelivery(database, delivery.id, "the subscription was disabled");
    return;
  }
  const body = JSON.stringify(payloadOf(delivery));
  const timestamp = Math.floor(Date.now() / 1000);
  const outcome = await postWebhook({
    url: subscription.url,
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": userAgent,
      "x-parley-event": delivery.eventType,
      "x-parley-delivery": delivery.id,
      "x-parley-attempt": String(delivery.attempts + 1),
      "x-parley-timestamp": String(timestamp),
      "x-parley-signature": signatureHeader(signingSecrets(subscription, new Date()), timestamp, body),
    },
    timeoutMilliseconds: options.timeoutMilliseconds,
    fetch: options.fetch,
    signal: job.signal,
  });
  const lastAttempt = job.retryCount >= job.retryLimit;
  await recordAttempt(database, delivery.id, subscription.url, outcome, lastAttempt);
  if (!outcome.succeeded) throw new WebhookAttemptFailed(outcome.error ?? "the attempt failed");
}

/**
 * Starts delivering webhooks from this process. Returns the worker id, for `jobs.offWork` when
 * the app closes. Every process may run one: the queue hands each job to one worker at a time.
 */
export async function registerWebhookWorker(
  jobs: PgBoss,
  database: Database,
  options: WebhookWorkerOptions,
): Promise<string> {
  const settings: Required<WebhookWorkerOptions> = {
    fetch: options.fetch,
    timeoutMilliseconds: options.timeoutMilliseconds ?? defaultTimeoutMilliseconds,
  };
  return jobs.work<
    WebhookDeliveryJob,
    void,
    {
      includeMetadata: true;
      localConcurrency: number;
      pollingIntervalSeconds: number;
      notifyPollingIntervalSeconds: number;
      heartbeatRefreshSeconds: number;
    }
  >(
    queueNames.webhookDelivery,
    // A NOTIFY that arrives while every slot is busy wakes nobody; a one-second poll picks the job up anyway.
    {
      includeMetadata: true,
      localConcurrency: concurrentDeliveries,
      pollingIntervalSeconds: 1,
      notifyPollingIntervalSeconds: 1,
      heartbeatRefreshSeconds: jobHeartbeat.refreshSeconds,
    },
    async (batch) => {
      for (const job of batch) await attemptDelivery(database, job, settings);
    },
  );
}
