/**
 * CPU time of the PostgreSQL backends serving the benchmark's database, from /proc:
 * on a two-core machine the server and PostgreSQL share the cores, so both halves of a
 * turn's cost are worth seeing. Background processes (WAL writer, checkpointer) are not
 * counted.
 */
import { readFileSync } from "node:fs";
import pg from "pg";

/** Clock ticks per second for /proc/<pid>/stat; 100 on every Linux this runs on. */
const ticksPerSecond = 100;

export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; the fields after it are plain numbers.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    // The process ended between the listing and the reading.
    return 0;
  }
}

export async function postgresBackendsCpuSeconds(postgresUrl: string, databaseName: string): Promise<number> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
      [databaseName],
    );
    return rows.reduce((total, row) => total + processCpuSeconds(row.pid), 0);
  } finally {
    await client.end();
  }
}
