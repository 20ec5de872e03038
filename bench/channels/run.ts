/**
 * `npm run bench:channels`: SMS through Twilio under load, from the inbound webhook to the
 * provider's send. The server runs in a child process (bench/channels/server.ts) on a new
 * PostgreSQL database (or PGlite in a data directory); the load generator here runs a local Twilio
 * stand-in (packages/server/test/providers/twilio-provider.ts) that signs each customer's webhook
 * with Twilio's SDK and takes Parley's replies at the REST API, as Twilio would.
 *   --database pglite|postgres   where the server runs (default PostgreSQL when reachable, else PGlite)
 *   --customers N      simulated customers, each going through the SMS tutorial once (default 200)
 *   --concurrency C    customers in conversation at once (default: all of them)
 *   --warmup W         customers who go through the tutorial one by one first, unmeasured (default 10)
 *   PARLEY_BENCH_DATABASE_URL (or DATABASE_URL)  the PostgreSQL server the new database is created on
 *                      (default postgres://postgres@127.0.0.1:5432/test); it is dropped afterwards
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { startTwilioProvider } from "../../packages/server/test/providers/twilio-provider.ts";
import { type DatabaseKind, postgresReachable } from "../chat/database.ts";
import { backgroundBusyShare } from "../chat/machine-load.ts";
import { postgresBackendsCpuSeconds } from "../chat/postgres-cpu.ts";
import { ServerProcess } from "../chat/server-process.ts";
import { machine } from "../engine/measure.ts";
import { runChannelLoad } from "./channel-load.ts";
import { printChannelResult } from "./report.ts";
import { type ChannelsServer, connectSmsTutorial } from "./setup.ts";

const { values } = parseArgs({
  options: {
    database: { type: "string" },
    customers: { type: "string" },
    concurrency: { type: "string" },
    warmup: { type: "string" },
  },
});
const postgresUrl =
  process.env.PARLEY_BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/test";

function positive(option: string, value: string | undefined, fallback: number): number {
  const parsed = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${option} must be a whole number above 0`);
  return parsed;
}

const customers = positive("customers", values.customers, 200);
const concurrency = Math.min(customers, positive("concurrency", values.concurrency, customers));
const warmup = values.warmup === "0" ? 0 : positive("warmup", values.warmup, 10);
const postgresUp = await postgresReachable(postgresUrl);
const database = (values.database ?? (postgresUp ? "postgres" : "pglite")) as DatabaseKind;
if (database !== "pglite" && database !== "postgres") throw new Error(`unknown database "${database}"`);
if (database === "postgres" && !postgresUp) throw new Error(`PostgreSQL at ${postgresUrl} is not reachable`);

const reproduce = [
  "npm run bench:channels --",
  `--database ${database}`,
  `--customers ${customers}`,
  `--concurrency ${concurrency}`,
  `--warmup ${warmup}`,
].join(" ");

console.log(
  "Messaging channels benchmark: SMS through Twilio, inbound webhook to the provider's send, on loopback",
);
console.log(`machine: ${machine()}`);
if (!postgresUp) console.log(`PostgreSQL at ${postgresUrl} was not reachable: PGlite only`);

const account = {
  accountSid: `AC${randomBytes(16).toString("hex")}`,
  authToken: randomBytes(16).toString("hex"),
  number: "+15550001111",
};
const background = await backgroundBusyShare();
const twilio = await startTwilioProvider(account);
const server = await ServerProcess.start<ChannelsServer>("bench/channels/server.ts", database, postgresUrl);
try {
  const webhookUrl = await connectSmsTutorial(server.ready, { ...account, apiBaseUrl: twilio.url });
  const databaseName = server.ready.databaseName;
  const result = await runChannelLoad(
    server,
    twilio,
    { webhookUrl, business: account.number },
    { customers, concurrency, warmup },
    databaseName === null ? null : () => postgresBackendsCpuSeconds(postgresUrl, databaseName),
  );
  printChannelResult(database, result, reproduce, background);
} finally {
  await server.stop();
  await twilio.close();
}
