/**
 * Parley server processes on storage that outlives them, for restart and
 * scale-out tests: each node has its own connections, job workers and socket
 * feed, exactly as a separate process would, on the same database.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { TestClock } from "pg-boss";
import { buildApp } from "../src/app.ts";
import { type DatabaseConnection, openPglite, openPostgres } from "../src/database/connection.ts";
import { migrate } from "../src/database/migrate.ts";
import { startJobQueue } from "../src/jobs/job-queue.ts";
import {
  createPostgresDatabase,
  type DatabaseKind,
  testCredentialCipher,
  testOutgoing,
  testWebChatLimits,
} from "./test-server.ts";

export type Storage = { kind: "pglite"; directory: string } | { kind: "postgres"; url: string };

export async function createStorage(
  kind: DatabaseKind,
): Promise<{ storage: Storage; remove: () => Promise<void> }> {
  if (kind === "postgres") {
    const created = await createPostgresDatabase();
    return { storage: { kind, url: created.url }, remove: created.drop };
  }
  const directory = await mkdtemp(join(tmpdir(), "parley-node-"));
  return { storage: { kind, directory }, remove: () => rm(directory, { recursive: true, force: true }) };
}

export interface ServerNode {
  app: FastifyInstance;
  connection: DatabaseConnection;
  baseUrl: string;
  /** Stops the way SIGTERM does: requests and sockets, then the workers, then the database. */
  stop(): Promise<void>;
}

export async function startNode(storage: Storage, clock?: TestClock): Promise<ServerNode> {
  const connection =
    storage.kind === "pglite" ? await openPglite(storage.directory) : await openPostgres(storage.url);
  await migrate(connection);
  const jobs = await startJobQueue(connection, { clock });
  const app = await buildApp({
    connection,
    jobs,
    clock,
    credentialCipher: testCredentialCipher,
    webChatLimits: testWebChatLimits,
    outgoing: testOutgoing,
  });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    app,
    connection,
    baseUrl,
    async stop() {
      await app.close();
      await jobs.stop({ graceful: false });
      await connection.close();
    },
  };
}
