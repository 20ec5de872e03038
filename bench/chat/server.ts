/**
 * The server under load, in its own process so that its memory is measured alone and
 * the load generator's CPU is not in its event loop. The database holds the demo
 * content, and the Demo Store's web chat runs the benchmark's looping tutorial.
 *
 * Prints one JSON line (address, brand id, database name) when ready, then answers the parent's
 * commands over IPC (the timer test's set-up and results). SIGTERM stops it and drops
 * its database.
 *   node bench/chat/server.ts <pglite|postgres> <postgres url>
 */
import { buildApp } from "../../packages/server/src/app.ts";
import { startJobQueue } from "../../packages/server/src/jobs/job-queue.ts";
import { publishBenchmarkAssistant } from "./benchmark-assistant.ts";
import { type DatabaseKind, openBenchmarkDatabase } from "./database.ts";
import { benchmarkOrganization } from "./demo-organization.ts";
import { measureEventLoopDelay } from "./event-loop-delay.ts";
import type { Command, Reply } from "./server-commands.ts";
import { firedCount, timerOutcome } from "./timer-report.ts";
import { seedTimers } from "./timer-seeding.ts";

const kind = process.argv[2] as DatabaseKind;
const postgresUrl = process.argv[3] ?? "";
if (kind !== "pglite" && kind !== "postgres") throw new Error("usage: server.ts <pglite|postgres> <url>");

const opened = await openBenchmarkDatabase(kind, postgresUrl);
const { connection } = opened;
const { database } = connection;

/** The demo content with the looping assistant, the job queue and the app, listening on loopback. */
async function prepare() {
  const { organizationId, brandId } = await benchmarkOrganization(connection);
  await publishBenchmarkAssistant(database, organizationId, brandId);
  const jobs = await startJobQueue(connection);
  const app = await buildApp({
    connection,
    jobs,
    // Every simulated customer comes from 127.0.0.1; the per-conversation limit stays far above the pace.
    webChatLimits: {
      requestsPerMinutePerIp: 100_000_000,
      messagesPerMinutePerConversation: 100_000,
      messagesPerMinutePerIp: 100_000_000,
      startsPerMinutePerIp: 100_000_000,
    },
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { brandId, jobs, app, address };
}

// A failed start must not leave its database behind.
const { brandId, jobs, app, address } = await prepare().catch(async (error: unknown) => {
  await connection.close().catch(() => {});
  await opened.drop();
  throw error;
});

async function startTemplateConversation(): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/v1/web-chat/conversations",
    payload: { brandId, session: {} },
  });
  if (response.statusCode !== 201) throw new Error(`starting a conversation answered ${response.statusCode}`);
  return (response.json() as { conversation: { id: string } }).conversation.id;
}

const eventLoopDelay = measureEventLoopDelay();

async function run(command: Command): Promise<unknown> {
  switch (command.type) {
    case "event-loop-delay":
      return eventLoopDelay();
    case "seed-timers":
      return seedTimers(database, jobs, await startTemplateConversation(), command.plan);
    case "fired-count":
      return firedCount(database);
    case "timer-outcome":
      return timerOutcome(database);
  }
}

process.on("message", (message: Command) => {
  run(message).then(
    (result) => process.send?.({ id: message.id, result } satisfies Reply),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) } satisfies Reply),
  );
});

process.stdout.write(`${JSON.stringify({ address, brandId, databaseName: opened.name })}\n`);
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await app.close();
  await jobs.stop({ graceful: false });
  await connection.close();
  await opened.drop();
  process.exit(0);
}
process.once("SIGTERM", stop);
// Ctrl+C reaches the whole process group; a load generator that died otherwise closes the IPC channel.
process.once("SIGINT", stop);
process.once("disconnect", stop);
