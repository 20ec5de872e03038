/**
 * `npm run bench:api`: requests per second and latency of get, list and
 * update-draft on the assistants API, on PGlite (a data directory, as
 * `npm start` runs) and on PostgreSQL (when reachable). The server runs in a
 * child process; autocannon drives it over loopback.
 *   --duration S           seconds per measurement (default 8)
 *   --connections N        concurrent connections (default 10)
 *   PARLEY_BENCH_DATABASE_URL  the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { machine } from "../engine/measure.ts";

const { values } = parseArgs({ options: { duration: { type: "string" }, connections: { type: "string" } } });
const duration = Number(values.duration ?? 8);
const connections = Number(values.connections ?? 10);
const postgresUrl = process.env.PARLEY_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

interface Target {
  address: string;
  key: string;
  assistantId: string;
  draft: unknown;
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function startServer(kind: string) {
  const child = spawn(process.execPath, ["bench/api/server.ts", kind, postgresUrl], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the ${kind} server exited with ${code}`)));
  });
  return {
    target: JSON.parse(first) as Target,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

async function measure(target: Target, operation: string) {
  const headers = { authorization: `Bearer ${target.key}`, "content-type": "application/json" };
  const request =
    operation === "get"
      ? { method: "GET" as const, path: `/v1/assistants/${target.assistantId}` }
      : operation === "list"
        ? { method: "GET" as const, path: "/v1/assistants?limit=50" }
        : {
            method: "PUT" as const,
            path: `/v1/assistants/${target.assistantId}/draft`,
            body: JSON.stringify(target.draft),
          };
  const result = await autocannon({
    url: target.address,
    connections,
    duration,
    headers,
    requests: [request],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${operation}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const databases = ["pglite", ...((await postgresReachable()) ? ["postgres"] : [])];
const rows: string[][] = [];
for (const kind of databases) {
  const server = await startServer(kind);
  try {
    for (const operation of ["get", "list", "update-draft"]) {
      const figures = await measure(server.target, operation);
      rows.push([
        kind,
        operation,
        Math.round(figures.requestsPerSecond).toLocaleString("en-US"),
        `${figures.p50} ms`,
        `${figures.p99} ms`,
      ]);
    }
  } finally {
    await server.stop();
  }
}

const header = ["database", "operation", "requests/s", "p50", "p99"];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
);
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
console.log(`API benchmark: assistants API, ${connections} connections, ${duration} s per measurement`);
console.log(`machine: ${machine()}`);
console.log(`reproduce: npm run bench:api -- --duration ${duration} --connections ${connections}`);
if (!databases.includes("postgres"))
  console.log(`PostgreSQL at ${postgresUrl} was not reachable: measured PGlite only`);
console.log("");
console.log(line(header));
for (const row of rows) console.log(line(row));
