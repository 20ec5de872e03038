/**
 * The server under the messaging load, in its own process so that its CPU and memory are
 * measured alone and the load generator (with the Twilio stand-in) is not in its event loop.
 * Everything a production server has for messaging channels: a secret key to seal connection
 * credentials, the delivery worker on pg-boss, and outgoing requests allowed to loopback only
 * because the stand-in listens there. The database holds the demo content (its brand and teams)
 * and an admin API key; the load generator publishes the assistant and creates the connection
 * through the API.
 *
 * Prints one JSON line (address, API key, brand id, database name) when ready, then answers the
 * parent's event-loop-delay asks over IPC. SIGTERM stops it and drops its database.
 *   node bench/channels/server.ts <pglite|postgres> <postgres url>
 */
import { randomBytes } from "node:crypto";
import { createApiKey } from "../../packages/server/src/access/api-keys.ts";
import { buildApp } from "../../packages/server/src/app.ts";
import { CredentialCipher } from "../../packages/server/src/credentials/credential-cipher.ts";
import { allScopes } from "../../packages/server/src/http/scopes.ts";
import { startJobQueue } from "../../packages/server/src/jobs/job-queue.ts";
import { type DatabaseKind, openBenchmarkDatabase } from "../chat/database.ts";
import { benchmarkOrganization } from "../chat/demo-organization.ts";
import { measureEventLoopDelay } from "../chat/event-loop-delay.ts";
import type { Command, Reply } from "../chat/server-commands.ts";

const kind = process.argv[2] as DatabaseKind;
const postgresUrl = process.argv[3] ?? "";
if (kind !== "pglite" && kind !== "postgres") throw new Error("usage: server.ts <pglite|postgres> <url>");

const opened = await openBenchmarkDatabase(kind, postgresUrl);
const { connection } = opened;
const { database } = connection;

async function prepare() {
  const { organizationId, brandId } = await benchmarkOrganization(connection);
  const { key } = await createApiKey(database, organizationId, { name: "bench", scopes: allScopes });
  const jobs = await startJobQueue(connection);
  const app = await buildApp({
    connection,
    jobs,
    // A key of this run only: the sealed credentials are dropped with the database.
    credentialCipher: new CredentialCipher(randomBytes(32).toString("base64")),
    outgoing: { allowedHosts: ["127.0.0.1"] },
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { key, brandId, jobs, app, address };
}

// A failed start must not leave its database behind.
const { key, brandId, jobs, app, address } = await prepare().catch(async (error: unknown) => {
  await connection.close().catch(() => {});
  await opened.drop();
  throw error;
});

const eventLoopDelay = measureEventLoopDelay();
process.on("message", (message: Command) => {
  const reply: Reply =
    message.type === "event-loop-delay"
      ? { id: message.id, result: eventLoopDelay() }
      : { id: message.id, error: `the channels server does not ${message.type}` };
  process.send?.(reply);
});

process.stdout.write(`${JSON.stringify({ address, key, brandId, databaseName: opened.name })}\n`);
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
