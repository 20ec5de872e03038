/** Prints a messaging run: throughput, the latency table, what the processes used, and how to repeat it. */
import type { DatabaseKind } from "../chat/database.ts";
import { mebibytes, milliseconds, percentile, sortedCopy } from "../chat/statistics.ts";
import type { ChannelResult } from "./channel-load.ts";

const databaseNames: Record<DatabaseKind, string> = {
  pglite: "PGlite (data directory on disk)",
  postgres: "PostgreSQL",
};

const stepNames = ["first message (starts the conversation)", "name", "menu number (transfer)"];

function row(label: string, values: number[]): string {
  const sorted = sortedCopy(values);
  const cells = [0.5, 0.95, 0.99].map((share) => milliseconds(percentile(sorted, share)));
  cells.push(milliseconds(sorted.at(-1) ?? Number.NaN));
  return `| ${label.padEnd(54)} | ${String(values.length).padStart(7)} | ${cells.map((cell) => cell.padStart(9)).join(" | ")} |`;
}

export function printChannelResult(
  database: DatabaseKind,
  result: ChannelResult,
  reproduce: string,
  background: number,
): void {
  const { plan, timings, seconds } = result;
  const customerMessages = timings.length;
  const errors = [...result.errors].map(([reason, count]) => `${count} × ${reason}`).join(", ");
  console.log("");
  console.log(
    `${databaseNames[database]}: ${plan.customers.toLocaleString("en-US")} customers, ${plan.concurrency.toLocaleString("en-US")} at a time, after ${plan.warmup} unmeasured warm-up customers one by one`,
  );
  console.log(`  reproduce: ${reproduce}`);
  console.log(
    `  throughput: ${(customerMessages / seconds).toFixed(1)} customer messages/s answered end to end, ${(result.sent / seconds).toFixed(1)} replies/s sent to Twilio (${customerMessages.toLocaleString("en-US")} messages in, ${result.sent.toLocaleString("en-US")} out, in ${seconds.toFixed(1)} s)`,
  );
  console.log(`  errors: ${errors === "" ? "none" : errors}`);
  console.log("");
  console.log(`| ${"latency".padEnd(54)} | samples |       p50 |       p95 |       p99 |       max |`);
  console.log(`| ${"-".repeat(54)} | ------- | --------- | --------- | --------- | --------- |`);
  console.log(
    row(
      "webhook POST → TwiML answer",
      timings.map((timing) => timing.answerMilliseconds),
    ),
  );
  console.log(
    row(
      "webhook POST → each reply at Twilio (webhook-to-send)",
      timings.flatMap((timing) => timing.sendMilliseconds),
    ),
  );
  console.log(
    row(
      "webhook POST → the turn's last reply at Twilio",
      timings.map((timing) => timing.repliedAt - timing.postedAt),
    ),
  );
  for (const [index, name] of stepNames.entries()) {
    const ofStep = timings.filter((timing) => timing.step === index + 1);
    console.log(
      row(
        `  ${name}`,
        ofStep.map((timing) => timing.repliedAt - timing.postedAt),
      ),
    );
  }
  console.log("");
  console.log(
    `  server RSS: ${mebibytes(result.serverRss.before)} before the customers started, ${mebibytes(result.serverRss.end)} at the end`,
  );
  const databaseCpu =
    result.databaseCpu === null ? "" : `, PostgreSQL backends ${result.databaseCpu.toFixed(2)}`;
  console.log(
    `  CPU (cores busy): server ${result.serverCpu.toFixed(2)}${databaseCpu}, load generator with the Twilio stand-in ${result.generatorCpu.toFixed(2)}, whole machine ${(result.machineBusy * 100).toFixed(0)}% of its cores`,
  );
  if (customerMessages > 0) {
    const perMessage = (cores: number) => `${(((cores * seconds) / customerMessages) * 1000).toFixed(2)} ms`;
    const database =
      result.databaseCpu === null ? "" : `, PostgreSQL backends ${perMessage(result.databaseCpu)}`;
    console.log(`  CPU per customer message: server ${perMessage(result.serverCpu)}${database}`);
  }
  console.log(
    `  server event loop delay: p99 ${milliseconds(result.serverLoop.p99Milliseconds)}, max ${milliseconds(result.serverLoop.maxMilliseconds)}`,
  );
  console.log(
    `  before the server started, other processes kept ${(background * 100).toFixed(0)}% of the cores busy`,
  );
}
