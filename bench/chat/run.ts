/**
 * `npm run bench:chat`: web chat under load, and timers at volume. The server runs in
 * a child process (bench/chat/server.ts) on PGlite (a data directory on disk) and on a
 * new PostgreSQL database; the load generator talks to it over loopback like widgets
 * would: HTTP to send, a WebSocket per conversation to receive.
 *   --database pglite|postgres|both   where the chat load runs (default both; PostgreSQL when reachable)
 *   --conversations N   concurrent conversations (default 1000 on PostgreSQL, 100 on PGlite)
 *   --pace R            offered turns per second over all conversations (default 500 on PostgreSQL,
 *                       50 on PGlite); each paced run is followed by one without think time
 *   --seconds S         measured seconds per run (default 20), after --warmup S (default 5)
 *   --skip-saturation   only the paced runs
 *   --timers N          reminder timers in the timer test (default 100000)
 *   --timer-window S    their due times spread evenly over S seconds (default 200: 500 a second,
 *                       the chat target's rate of turns) …
 *   --timer-lead S      … starting S seconds after their conversations begin to be stored (default 20)
 *   --timer-drain S     how long after the last due time to wait for stragglers (default 120)
 *   --timer-database pglite|postgres   where the timer test runs (default PostgreSQL when reachable)
 *   --timer-path turns|scheduler   only real reminder turns, or only pg-boss firing (default both)
 *   --skip-chat, --skip-timers
 *   --profile-server DIR   write the server's CPU profiles (node --cpu-prof) to DIR
 *   PARLEY_BENCH_DATABASE_URL  the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 */
import { parseArgs } from "node:util";
import { machine } from "../engine/measure.ts";
import { type ChatServer, runChatLoad } from "./chat-load.ts";
import { printChatResult } from "./chat-report.ts";
import { chatRuns } from "./chat-runs.ts";
import { type DatabaseKind, postgresReachable } from "./database.ts";
import { backgroundBusyShare } from "./machine-load.ts";
import { postgresBackendsCpuSeconds } from "./postgres-cpu.ts";
import { ServerProcess } from "./server-process.ts";
import { type TimerPath, timerPaths } from "./timer-paths.ts";
import { printTimerResult } from "./timer-print.ts";
import { runTimerTest } from "./timer-test.ts";

const { values } = parseArgs({
  options: {
    database: { type: "string" },
    conversations: { type: "string" },
    pace: { type: "string" },
    seconds: { type: "string" },
    warmup: { type: "string" },
    "skip-saturation": { type: "boolean" },
    timers: { type: "string" },
    "timer-window": { type: "string" },
    "timer-lead": { type: "string" },
    "timer-drain": { type: "string" },
    "timer-database": { type: "string" },
    "timer-path": { type: "string" },
    "skip-chat": { type: "boolean" },
    "skip-timers": { type: "boolean" },
    "profile-server": { type: "string" },
  },
});
const postgresUrl = process.env.PARLEY_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const postgresUp = await postgresReachable(postgresUrl);
const serverOptions = values["profile-server"]
  ? ["--cpu-prof", `--cpu-prof-dir=${values["profile-server"]}`]
  : [];

function databasesOf(option: string | undefined, fallback: DatabaseKind[]): DatabaseKind[] {
  if (option === undefined) return fallback;
  const kinds = option === "both" ? (["pglite", "postgres"] as DatabaseKind[]) : [option as DatabaseKind];
  for (const kind of kinds) {
    if (kind !== "pglite" && kind !== "postgres") throw new Error(`unknown database "${kind}"`);
    if (kind === "postgres" && !postgresUp) throw new Error(`PostgreSQL at ${postgresUrl} is not reachable`);
  }
  return kinds;
}

function databaseCpuOf(server: ServerProcess): (() => Promise<number>) | null {
  const name = server.ready.databaseName;
  return name === null ? null : () => postgresBackendsCpuSeconds(postgresUrl, name);
}

console.log("Chat benchmark: web chat conversations over HTTP and WebSockets on loopback, and timers");
console.log(`machine: ${machine()}`);
if (!postgresUp) console.log(`PostgreSQL at ${postgresUrl} was not reachable: PGlite only`);

if (!values["skip-chat"]) {
  const databases = databasesOf(values.database, postgresUp ? ["pglite", "postgres"] : ["pglite"]);
  for (const run of chatRuns(databases, values)) {
    const background = await backgroundBusyShare();
    const server = await ServerProcess.start<ChatServer>(
      "bench/chat/server.ts",
      run.database,
      postgresUrl,
      serverOptions,
    );
    try {
      const result = await runChatLoad(server, run.plan, databaseCpuOf(server));
      printChatResult(run, result, background);
    } finally {
      await server.stop();
    }
  }
}

if (!values["skip-timers"]) {
  const database = databasesOf(values["timer-database"], [postgresUp ? "postgres" : "pglite"])[0] ?? "pglite";
  const path = values["timer-path"];
  if (path !== undefined && !(path in timerPaths)) throw new Error(`unknown timer path "${path}"`);
  const paths: TimerPath[] = path === undefined ? ["scheduler", "turns"] : [path as TimerPath];
  const plan = {
    count: Number(values.timers ?? 100_000),
    windowMilliseconds: Number(values["timer-window"] ?? 200) * 1000,
    leadMilliseconds: Number(values["timer-lead"] ?? 20) * 1000,
  };
  const drainSeconds = Number(values["timer-drain"] ?? 120);
  for (const each of paths) {
    const background = await backgroundBusyShare();
    const server = await ServerProcess.start(timerPaths[each].script, database, postgresUrl, serverOptions);
    try {
      const result = await runTimerTest(server, plan, drainSeconds, databaseCpuOf(server));
      printTimerResult(each, database, drainSeconds, result, background);
    } finally {
      await server.stop();
    }
  }
}
