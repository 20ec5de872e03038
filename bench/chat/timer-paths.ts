/**
 * The two ways the timer test runs: real reminder turns through the server's own
 * worker, and pg-boss firing alone with a recording handler. Each has its own child
 * script and its own wording in the report.
 */
export type TimerPath = "turns" | "scheduler";

export const timerPaths: Record<
  TimerPath,
  { script: string; title: string; what: (count: string) => string }
> = {
  turns: {
    script: "bench/chat/server.ts",
    title: "reminder turns through the server's timer worker",
    what: (count) =>
      `${count} conversations waiting on a question, each with a pending reminder job on the real queue; the server's own timer worker runs each reminder turn (a transaction that locks the conversation and stores the reminder messages). Lateness is measured at the turn's clock reading.`,
  },
  scheduler: {
    script: "bench/chat/scheduler-server.ts",
    title: "pg-boss firing alone",
    what: (count) =>
      `${count} jobs on the conversation-timer queue as the server creates it, with the server's timer worker options (batches of 50, 2 at a time, polling every 0.5 s), and a handler that only records when each job arrived. No turns run: this is the scheduler's share of the lateness.`,
  },
};
