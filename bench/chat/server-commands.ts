/** What the load generator asks the server process over IPC, and how it answers. */
import type { LoopDelay } from "./event-loop-delay.ts";
import type { TimerOutcome } from "./timer-report.ts";
import type { SeededTimers, TimerPlan } from "./timer-seeding.ts";

export type Command =
  | { id: number; type: "seed-timers"; plan: TimerPlan }
  | { id: number; type: "fired-count" }
  | { id: number; type: "timer-outcome" }
  /** The event loop's delays since the previous ask. */
  | { id: number; type: "event-loop-delay" };

export interface Answers {
  "seed-timers": SeededTimers;
  "fired-count": number;
  "timer-outcome": TimerOutcome;
  "event-loop-delay": LoopDelay;
}

export type Reply = { id: number; result: unknown } | { id: number; error: string };
