/**
 * The timer test: the server stores the conversations and their reminder jobs (see
 * timer-seeding.ts), its own timer worker runs the reminder turns as they fall due,
 * and the outcome is read back from the database once every timer has fired or the
 * drain time after the last due time has passed.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ServerProcess } from "./server-process.ts";
import type { TimerOutcome } from "./timer-report.ts";
import type { SeededTimers, TimerPlan } from "./timer-seeding.ts";

export interface TimerResult {
  plan: TimerPlan;
  seeded: SeededTimers;
  outcome: TimerOutcome;
  /** From the first due time until the last timer fired (or the test gave up). */
  firingSeconds: number;
  serverRss: { peak: number; end: number };
  /** Shares of one core from the first due time until the test stopped waiting. */
  serverCpu: number;
  /** The same for the PostgreSQL backends of the server's database; null on PGlite. */
  databaseCpu: number | null;
}

const pollMilliseconds = 2000;

export async function runTimerTest(
  server: ServerProcess,
  plan: TimerPlan,
  drainSeconds: number,
  databaseCpuSeconds: (() => Promise<number>) | null,
): Promise<TimerResult> {
  const seeded = await server.request({ type: "seed-timers", plan });
  const serverRss = { peak: 0, end: 0 };
  await sleep(Math.max(0, seeded.firstDueAt - Date.now()));
  const cpuAtStart = server.cpuSeconds();
  const databaseCpuAtStart = await databaseCpuSeconds?.();
  const giveUpAt = seeded.lastDueAt + drainSeconds * 1000;
  for (;;) {
    serverRss.peak = Math.max(serverRss.peak, server.memory().rss);
    // Counting costs the database a scan, so it waits until the last timer is due.
    if (Date.now() >= seeded.lastDueAt) {
      const fired = await server.request({ type: "fired-count" });
      if (fired >= plan.count || Date.now() >= giveUpAt) break;
    }
    await sleep(pollMilliseconds);
  }
  const waitedSeconds = (Date.now() - seeded.firstDueAt) / 1000;
  const serverCpu = (server.cpuSeconds() - cpuAtStart) / waitedSeconds;
  const databaseCpu =
    databaseCpuSeconds && databaseCpuAtStart !== undefined
      ? ((await databaseCpuSeconds()) - databaseCpuAtStart) / waitedSeconds
      : null;
  serverRss.end = server.memory().rss;
  serverRss.peak = Math.max(serverRss.peak, serverRss.end);
  const outcome = await server.request({ type: "timer-outcome" });
  const firingSeconds = (Math.max(outcome.lastFiredAt, seeded.firstDueAt) - seeded.firstDueAt) / 1000;
  return { plan, seeded, outcome, firingSeconds, serverRss, serverCpu, databaseCpu };
}
