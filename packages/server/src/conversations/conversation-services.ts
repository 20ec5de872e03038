import type { Clock, PgBoss } from "pg-boss";
import type { OrganizationAnswerers } from "../answers/organization-answerers.ts";
import type { DatabaseConnection } from "../database/connection.ts";
import { queueNames } from "../jobs/job-queue.ts";
import { ConversationFeed } from "./conversation-feed.ts";
import { defaultPorts, type EffectPorts } from "./effect-ports.ts";
import type { NoticeLog } from "./notice-queue.ts";
import { ConversationRunner } from "./runner.ts";
import type { DomainEventSink } from "./turn-writer.ts";
import { registerConversationWorkers } from "./workers.ts";

export interface ConversationServices {
  runner: ConversationRunner;
  feed: ConversationFeed;
  /** Stops the workers and the listener; the job queue and database stay open for the caller to close. */
  close(): Promise<void>;
}

/** The runner, its workers and the socket feed of one server process. */
export async function startConversationServices(options: {
  connection: DatabaseConnection;
  jobs: PgBoss;
  clock?: Clock | undefined;
  publish: DomainEventSink;
  ports?: EffectPorts | undefined;
  /** This server's public address, for links to its own help pages (config.ts). */
  serverUrl?: string | undefined;
  /** Who writes each organization's AI answers. */
  answerers: OrganizationAnswerers;
  /** The server's logger, told when notices cannot keep up or fail. */
  log: NoticeLog;
}): Promise<ConversationServices> {
  const { connection, jobs } = options;
  const clock = options.clock;
  const feed = await ConversationFeed.open(connection, options.log);
  const runner = new ConversationRunner({
    database: connection.database,
    jobs,
    now: clock ? () => clock.now() : Date.now,
    publish: options.publish,
    notify: (notice) => feed.publish(notice),
  });
  await registerConversationWorkers(
    jobs,
    runner,
    connection.database,
    options.ports ??
      defaultPorts(connection.database, {
        serverUrl: options.serverUrl,
        answerers: options.answerers,
        // A draft is a courtesy to the sockets watching: the answer message that follows is what counts.
        publishDraft: (conversationId, draft) => feed.publish({ conversationId, draft }),
      }),
  );
  return {
    runner,
    feed,
    async close() {
      await jobs.offWork(queueNames.conversationTimer, { wait: true });
      await jobs.offWork(queueNames.conversationEffect, { wait: true });
      await feed.close();
    },
  };
}
