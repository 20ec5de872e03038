import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { DatabaseConnection } from "./connection.ts";

export const migrationsDirectory = fileURLToPath(new URL("../../migrations/", import.meta.url));

/** An arbitrary constant: every Parley process takes the same advisory lock while migrating. */
const migrationLock = 7_246_531;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function readMigrations(directory = migrationsDirectory): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    migrations.push({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ""),
      sql: await readFile(new URL(file, `file://${directory}`), "utf8"),
    });
  }
  const versions = migrations.map((migration) => migration.version);
  if (new Set(versions).size !== versions.length) throw new Error("two migrations share a number");
  return migrations;
}

/**
 * Applies the numbered SQL migrations not applied yet, in order, in one
 * transaction. Processes starting together on one PostgreSQL wait for each
 * other on an advisory lock, so each migration runs exactly once.
 */
export async function migrate(connection: DatabaseConnection, migrations?: Migration[]): Promise<string[]> {
  const pending = migrations ?? (await readMigrations());
  const applied: string[] = [];
  await connection.runScript(async (execute) => {
    await execute("SELECT pg_advisory_xact_lock($1)", [migrationLock]);
    await execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const rows = (await execute("SELECT version FROM schema_migrations", [])) as Array<{ version: number }>;
    const done = new Set(rows.map((row) => row.version));
    for (const migration of pending) {
      if (done.has(migration.version)) continue;
      await execute(migration.sql);
      await execute("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.name);
    }
  });
  return applied;
}
