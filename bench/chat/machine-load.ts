/** How busy the whole machine was: the server, PostgreSQL and the load generator share its cores. */
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export interface CpuTimes {
  busy: number;
  total: number;
}

export function cpuTimes(): CpuTimes {
  const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  return { busy, total: busy + (idle ?? 0) + (iowait ?? 0) };
}

/** The share of all cores in use between two readings, 0 to 1. */
export function busyShare(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

/** How busy the machine is before a run starts: whatever else runs on it competes with the benchmark. */
export async function backgroundBusyShare(seconds = 2): Promise<number> {
  const before = cpuTimes();
  await sleep(seconds * 1000);
  return busyShare(before, cpuTimes());
}
