/** Prints the timer test: how many fired, how many twice, and how late. */
import type { DatabaseKind } from "./database.ts";
import { mebibytes, milliseconds, percentile, sortedCopy } from "./statistics.ts";
import { type TimerPath, timerPaths } from "./timer-paths.ts";
import type { TimerResult } from "./timer-test.ts";

const allowedLatenessMilliseconds = 2000;

export function printTimerResult(
  path: TimerPath,
  database: DatabaseKind,
  drainSeconds: number,
  result: TimerResult,
  background: number,
): void {
  const { plan, seeded, outcome } = result;
  const lateness = sortedCopy(outcome.lateness);
  const arrival = path === "turns" ? "reminder turn" : "arrival in the handler";
  const tooLate = lateness.filter((value) => value > allowedLatenessMilliseconds).length;
  const count = plan.count.toLocaleString("en-US");
  console.log("");
  console.log(
    `Timers, ${timerPaths[path].title}, on ${database === "postgres" ? "PostgreSQL" : "PGlite"}: ${count} timers`,
  );
  console.log(
    `  reproduce: npm run bench:chat -- --skip-chat --timer-path ${path} --timer-database ${database} --timers ${plan.count} --timer-window ${plan.windowMilliseconds / 1000} --timer-lead ${plan.leadMilliseconds / 1000} --timer-drain ${drainSeconds}`,
  );
  console.log(`  what: ${timerPaths[path].what(count)}`);
  console.log(
    `  due: evenly over ${plan.windowMilliseconds / 1000} s, from ${plan.leadMilliseconds / 1000} s after their conversations began to be stored (${Math.round(plan.count / (plan.windowMilliseconds / 1000)).toLocaleString("en-US")} per second)`,
  );
  console.log(
    `  set-up: ${path === "turns" ? `conversations stored in ${(seeded.conversationsMilliseconds / 1000).toFixed(1)} s, ` : ""}jobs stored in ${(seeded.jobsMilliseconds / 1000).toFixed(1)} s; jobs stored after their due time: ${outcome.storedLate}`,
  );
  const unfired = outcome.jobs - outcome.fired;
  console.log(
    `  fired: ${outcome.fired.toLocaleString("en-US")} of ${outcome.jobs.toLocaleString("en-US")}${unfired > 0 ? ` (${unfired.toLocaleString("en-US")} had not fired ${drainSeconds} s after the last due time, when the test stopped waiting)` : ""}; fired twice: ${outcome.firedTwice}; jobs retried: ${outcome.retried}`,
  );
  console.log(
    `  lateness (${arrival} − due time, of those that fired): p50 ${milliseconds(percentile(lateness, 0.5))}, p99 ${milliseconds(percentile(lateness, 0.99))}, max ${milliseconds(lateness.at(-1) ?? Number.NaN)}; later than 2 s or not fired: ${(tooLate + unfired).toLocaleString("en-US")}`,
  );
  const rate = result.firingSeconds > 0 ? outcome.fired / result.firingSeconds : 0;
  console.log(
    `  the last fired ${result.firingSeconds.toFixed(1)} s after the first was due (the window is ${plan.windowMilliseconds / 1000} s): ${Math.round(rate).toLocaleString("en-US")} per second on average`,
  );
  const backends =
    result.databaseCpu === null ? "" : `, PostgreSQL backends ${result.databaseCpu.toFixed(2)} cores busy`;
  console.log(
    `  server: RSS peak ${mebibytes(result.serverRss.peak)}, end ${mebibytes(result.serverRss.end)}; CPU ${result.serverCpu.toFixed(2)} cores busy${backends} (from the first due time to the end of the wait)`,
  );
  console.log(
    `  before the test started, other processes kept ${(background * 100).toFixed(0)}% of the cores busy`,
  );
}
