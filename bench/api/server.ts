/**
 * The server under load, in its own process so the load generator does not
 * share its event loop. Prints one JSON line (address, key, assistant id)
 * when ready; SIGTERM stops it and drops a PostgreSQL database it created.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createApiKey } from "../../packages/server/src/access/api-keys.ts";
import { createOrganization } from "../../packages/server/src/access/organizations.ts";
import { buildApp } from "../../packages/server/src/app.ts";
import { openPglite, openPostgres } from "../../packages/server/src/database/connection.ts";
import { migrate } from "../../packages/server/src/database/migrate.ts";
import { allScopes } from "../../packages/server/src/http/scopes.ts";
import { startJobQueue } from "../../packages/server/src/jobs/job-queue.ts";

const kind = process.argv[2];
const postgresUrl = process.argv[3];
let cleanup = async () => {};

async function open() {
  if (kind === "pglite") {
    // A data directory on disk, as `npm start` uses, not an in-memory database.
    const directory = await mkdtemp(join(tmpdir(), "parley-bench-"));
    cleanup = () => rm(directory, { recursive: true, force: true });
    return openPglite(directory);
  }
  if (!postgresUrl) throw new Error("usage: server.ts postgres <url>");
  const name = `parley_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanup = async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return openPostgres(url.toString());
}

const connection = await open();
await migrate(connection);
const organization = await createOrganization(connection.database, "Benchmark");
const { key } = await createApiKey(connection.database, organization.id, {
  name: "bench",
  scopes: allScopes,
});
const app = await buildApp({ connection, jobs: await startJobQueue(connection) });
const address = await app.listen({ port: 0, host: "127.0.0.1" });

const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
let assistantId = "";
// A list is only as fast as what it lists: 50 assistants, as a busy organization might have.
for (let index = 0; index < 50; index += 1) {
  const response = await fetch(`${address}/v1/assistants`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      internalName: `Assistant ${index}`,
      channel: "chat",
      type: "premium",
      template: "tutorial",
    }),
  });
  if (response.status !== 201)
    throw new Error(`creating an assistant answered ${response.status}: ${await response.text()}`);
  assistantId = ((await response.json()) as { id: string }).id;
}
const draft = (
  (await (await fetch(`${address}/v1/assistants/${assistantId}`, { headers })).json()) as { draft: unknown }
).draft;

process.stdout.write(`${JSON.stringify({ address, key, assistantId, draft })}\n`);
process.once("SIGTERM", async () => {
  await app.close();
  await connection.close();
  await cleanup();
  process.exit(0);
});
