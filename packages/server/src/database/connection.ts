import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { type ConstructorOptions, fromPglite } from "pg-boss";
import { type Schema, schema } from "./schema/index.ts";

export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: store functions take this so callers choose the boundary. */
export type Executor = Database | Transaction;

/**
 * Runs plain SQL that may hold several statements (migrations), inside one
 * transaction. The two drivers differ here, so each connection brings its own.
 */
export type ScriptRunner = (
  work: (execute: (sql: string, parameters?: unknown[]) => Promise<unknown[]>) => Promise<void>,
) => Promise<void>;

/** Receives NOTIFY payloads on a channel until the returned function is called. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

export interface DatabaseConnection {
  kind: "pglite" | "postgres";
  database: Database;
  runScript: ScriptRunner;
  /** How pg-boss reaches this database: the same PGlite instance, or its own pool on the same server. */
  jobDatabase: Pick<ConstructorOptions, "db" | "connectionString" | "backend" | "max">;
  listen: Listen;
  /** Sends a NOTIFY on a channel, outside any transaction. */
  notify: (channel: string, payload: string) => Promise<void>;
  close(): Promise<void>;
}

/** PGlite in a directory, or in memory when `dataDirectory` is `memory://`. */
export async function openPglite(dataDirectory: string): Promise<DatabaseConnection> {
  if (!dataDirectory.startsWith("memory://")) await mkdir(dataDirectory, { recursive: true });
  const client = await PGlite.create(dataDirectory);
  return {
    kind: "pglite",
    database: drizzlePglite({ client, schema }) as unknown as Database,
    runScript: (work) =>
      client.transaction(async (transaction) => {
        await work(async (sql, parameters) => {
          if (!parameters) {
            await transaction.exec(sql);
            return [];
          }
          return (await transaction.query(sql, parameters)).rows;
        });
      }),
    jobDatabase: { db: fromPglite(client), backend: "pglite" },
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    notify: async (channel, payload) => {
      await client.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    close: () => client.close(),
  };
}

export async function openPostgres(connectionString: string): Promise<DatabaseConnection> {
  // Each turn's commit waits for the WAL flush; with more connections committing at once, PostgreSQL
  // flushes them together. Twenty took a 2-core machine from about 550 to 800 turns a second.
  const pool = new pg.Pool({ connectionString, max: 20 });
  // An idle connection the server closes (a restart, a failover, a dropped database) is reported as
  // a pool "error" event, which would end the process if nobody listened. The pool has already
  // discarded that connection and opens a new one for the next query, so there is nothing to do.
  pool.on("error", () => {});
  // Fail at start, with the reason, rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  // A NOTIFY commits under a lock every NOTIFY in the cluster shares. Waiting for the disk there
  // would make notices one at a time; they are not data (what they announce is already stored),
  // so their connections commit without waiting for the flush. The feed's notice queue sends at
  // most two at a time (conversations/notice-queue.ts), so no query waits in this pool's queue.
  const notifyPool = new pg.Pool({ connectionString, max: 2, options: "-c synchronous_commit=off" });
  notifyPool.on("error", () => {});
  return {
    kind: "postgres",
    database: drizzlePostgres({ client: pool, schema }) as unknown as Database,
    runScript: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await work(async (sql, parameters) => (await client.query(sql, parameters)).rows);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    jobDatabase: { connectionString, max: 4 },
    listen: (channel, onPayload) => listenOnPostgres(connectionString, channel, onPayload),
    notify: async (channel, payload) => {
      await notifyPool.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    close: async () => {
      await Promise.all([pool.end(), notifyPool.end()]);
    },
  };
}

/**
 * LISTEN needs a connection of its own for as long as it listens. A dropped connection is
 * opened again, and `onPayload` gets an empty payload then so the listener can catch up on
 * what it missed while it was away.
 */
async function listenOnPostgres(
  connectionString: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on("notification", (message) => {
      if (message.channel === channel) onPayload(message.payload ?? "");
    });
    next.on("error", () => {
      if (stopped) return;
      client = null;
      setTimeout(() => void reconnect(), 500).unref();
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    client = next;
  };
  const reconnect = async (): Promise<void> => {
    if (stopped) return;
    try {
      await connect();
      onPayload("");
    } catch {
      setTimeout(() => void reconnect(), 1000).unref();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}

export function openDatabase(options: { databaseUrl?: string | undefined; dataDirectory: string }) {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDirectory);
}
