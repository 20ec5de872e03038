/**
 * The database a benchmark server runs on: PGlite in a new data directory on disk (as
 * `npm start` runs it), or a new PostgreSQL database. `drop` removes either afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import {
  type DatabaseConnection,
  openPglite,
  openPostgres,
} from "../../packages/server/src/database/connection.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface BenchmarkDatabase {
  connection: DatabaseConnection;
  /** The PostgreSQL database's name; null on PGlite. */
  name: string | null;
  drop(): Promise<void>;
}

async function onServer(postgresUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function openBenchmarkDatabase(
  kind: DatabaseKind,
  postgresUrl: string,
): Promise<BenchmarkDatabase> {
  if (kind === "pglite") {
    const directory = await mkdtemp(join(tmpdir(), "parley-bench-chat-"));
    return {
      connection: await openPglite(directory),
      name: null,
      drop: () => rm(directory, { recursive: true, force: true }),
    };
  }
  const name = `parley_bench_${randomBytes(4).toString("hex")}`;
  await onServer(postgresUrl, `CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    connection: await openPostgres(url.toString()),
    name,
    drop: () => onServer(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function postgresReachable(postgresUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
