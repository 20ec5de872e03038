/** Prints one chat load run: the figures, how the load was made, and how to repeat it. */
import type { LoadResult } from "./chat-load.ts";
import type { ChatRun } from "./chat-runs.ts";
import { mebibytes, milliseconds, percentile, sortedCopy } from "./statistics.ts";

const databaseNames = { pglite: "PGlite (data directory on disk)", postgres: "PostgreSQL" };

function loopOf(result: LoadResult): string {
  const { conversations, pace } = result.plan;
  if (pace === 0)
    return "closed loop without think time: each conversation sends as soon as it has its reply";
  const interval = (conversations / pace).toFixed(2);
  return `closed loop paced at ${pace} turns/s: each conversation sends every ${interval} s (random phase) and never before its previous reply`;
}

export function printChatResult(run: ChatRun, result: LoadResult, background: number): void {
  const { plan } = result;
  const replies = sortedCopy(result.replyMilliseconds);
  const accepted = sortedCopy(result.acceptedMilliseconds);
  const errors = [...result.errors].map(([reason, count]) => `${count} × ${reason}`).join(", ");
  console.log("");
  console.log(`${databaseNames[run.database]}: ${plan.conversations.toLocaleString("en-US")} conversations`);
  console.log(`  reproduce: ${run.reproduce}`);
  console.log(`  load: ${loopOf(result)}`);
  console.log(
    `  set-up: ${plan.conversations.toLocaleString("en-US")} conversations started and their sockets opened in ${result.setupSeconds.toFixed(1)} s`,
  );
  console.log(
    `  turns/s: ${(result.turns / plan.seconds).toFixed(1)} (${result.turns.toLocaleString("en-US")} replies in ${plan.seconds} s after ${plan.warmupSeconds} s of warm-up)`,
  );
  console.log(
    `  customer message → assistant reply on the socket: p50 ${milliseconds(percentile(replies, 0.5))}, p95 ${milliseconds(percentile(replies, 0.95))}, p99 ${milliseconds(percentile(replies, 0.99))}, max ${milliseconds(replies.at(-1) ?? Number.NaN)}`,
  );
  console.log(
    `  POST → 202: p50 ${milliseconds(percentile(accepted, 0.5))}, p99 ${milliseconds(percentile(accepted, 0.99))}`,
  );
  console.log(`  errors: ${errors === "" ? "none" : errors}`);
  console.log(
    `  server RSS: ${mebibytes(result.serverRss.before)} before the conversations started, peak ${mebibytes(result.serverRss.peak)}, end ${mebibytes(result.serverRss.end)}`,
  );
  const database =
    result.databaseCpu === null ? "" : `, PostgreSQL backends ${result.databaseCpu.toFixed(2)}`;
  console.log(
    `  CPU (cores busy): server ${result.serverCpu.toFixed(2)}${database}, load generator ${result.generatorCpu.toFixed(2)}, whole machine ${(result.machineBusy * 100).toFixed(0)}% of its cores`,
  );
  if (result.eventLoopDelay) {
    const { server, generator } = result.eventLoopDelay;
    console.log(
      `  event loop delay: server p99 ${milliseconds(server.p99Milliseconds)}, max ${milliseconds(server.maxMilliseconds)}; load generator p99 ${milliseconds(generator.p99Milliseconds)}, max ${milliseconds(generator.maxMilliseconds)}`,
    );
  }
  const turnsPerSecond = result.turns / plan.seconds;
  if (turnsPerSecond > 0) {
    const perTurn = (cores: number) => `${((cores / turnsPerSecond) * 1000).toFixed(2)} ms`;
    console.log(
      `  CPU per turn: server ${perTurn(result.serverCpu)}${result.databaseCpu === null ? "" : `, PostgreSQL backends ${perTurn(result.databaseCpu)}`}`,
    );
  }
  console.log(
    `  before the server started, other processes kept ${(background * 100).toFixed(0)}% of the cores busy`,
  );
}
