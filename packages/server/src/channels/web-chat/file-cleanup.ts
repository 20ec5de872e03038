import { sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { Database } from "../../database/connection.ts";
import { jobHeartbeat, queueNames } from "../../jobs/job-queue.ts";
import { storedFilesPath } from "./file-storage.ts";

/** How often unattached files are looked for: a file lives at most this much past its hours. */
export const fileCleanupIntervalSeconds = 60 * 60;
/** Files looked at per statement, so no sweep holds many rows locked at once. */
const batchSize = 500;
/** Every process sends this key; the queue keeps one such job waiting, so the sweeps form one chain. */
const sweepKey = "sweep";

/**
 * Looks at files older than the cutoff that are not known to be attached: a file a message of its
 * conversation refers to (an attachment whose URL ends with the file's path) is marked attached
 * and kept for as long as its conversation; any other is deleted. Returns how many were deleted.
 */
export async function sweepUnattachedFiles(database: Database, cutoff: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const result = await database.execute(sql`
      WITH candidates AS (
        SELECT id, conversation_id FROM conversation_files
        WHERE NOT attached AND created_at < ${cutoff.toISOString()}::timestamptz
        ORDER BY created_at
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      ), referenced AS (
        SELECT candidates.id FROM candidates
        WHERE EXISTS (
          SELECT 1
          FROM conversation_messages message,
            jsonb_array_elements(
              CASE jsonb_typeof(message.body -> 'attachments')
                WHEN 'array' THEN message.body -> 'attachments' ELSE '[]'::jsonb END
            ) AS attachment
          WHERE message.conversation_id = candidates.conversation_id
            AND message.body ->> 'kind' = 'attachment'
            AND right(attachment ->> 'url', length(${storedFilesPath} || candidates.id))
              = ${storedFilesPath} || candidates.id
        )
      ), kept AS (
        UPDATE conversation_files SET attached = true
        WHERE id IN (SELECT id FROM referenced)
        RETURNING id
      ), removed AS (
        DELETE FROM conversation_files
        WHERE id IN (SELECT id FROM candidates) AND id NOT IN (SELECT id FROM referenced)
        RETURNING id
      )
      SELECT (SELECT count(*) FROM kept)::integer AS kept, (SELECT count(*) FROM removed)::integer AS removed
    `);
    const counts = (result as unknown as { rows: Array<{ kept: number; removed: number }> }).rows[0];
    deleted += counts?.removed ?? 0;
    if ((counts?.kept ?? 0) + (counts?.removed ?? 0) < batchSize) return deleted;
  }
}

/**
 * Queues the next sweep an hour from now; nothing when one is waiting already. Never to run at
 * once, also at start: the policy counts waiting jobs only, so a starting process would add a
 * second sweep beside one another process is running.
 */
function queueNextSweep(jobs: PgBoss): Promise<string | null> {
  return jobs.send(
    queueNames.fileCleanup,
    {},
    { singletonKey: sweepKey, startAfter: fileCleanupIntervalSeconds },
  );
}

export interface FileCleanup {
  stop(): Promise<void>;
}

/**
 * Runs the sweep as a durable job, once an hour whichever processes are running: each job first
 * queues the next one, an hour later, then sweeps. A job that fails is retried; one left by a
 * crashed process expires and is retried too, and every process queues one at start, so the
 * chain never breaks for more than an hour. The queue's "short" policy keeps one waiting job per
 * key, so several processes make one chain, not one each.
 */
export async function startFileCleanup(
  jobs: PgBoss,
  database: Database,
  options: { unattachedHours: number; now: () => number },
): Promise<FileCleanup> {
  const worker = await jobs.work(
    queueNames.fileCleanup,
    // A job an hour needs no quick polling; pg-boss fetches due jobs at the next poll.
    { batchSize: 1, pollingIntervalSeconds: 60, heartbeatRefreshSeconds: jobHeartbeat.refreshSeconds },
    async () => {
      await queueNextSweep(jobs);
      const cutoff = new Date(options.now() - options.unattachedHours * 3_600_000);
      await sweepUnattachedFiles(database, cutoff);
    },
  );
  await queueNextSweep(jobs);
  return { stop: () => jobs.offWork(queueNames.fileCleanup, { id: worker, wait: true }) };
}
