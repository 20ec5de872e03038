/** What the load generator asks the server process over IPC, and how it answers. */
import type { TimerOutcome } from "./timer-report.ts";
import type { SeededTimers, TimerPlan } from "./timer-seeding.ts";

export type Command =
  | { id: number; type: "seed-timers"; plan: TimerPlan }
  | { id: number; type: "fired-count" }
  | { id: number; type: "timer-outcome" };

export interface Answers {
  "seed-timers": SeededTimers;
  "fired-count": number;
  "timer-outcome": TimerOutcome;
}

export type Reply = { id: number; result: unknown } | { id: number; error: string };
