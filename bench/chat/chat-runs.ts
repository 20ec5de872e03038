/** Which chat load runs the options ask for, with the command that repeats each one alone. */
import type { LoadPlan } from "./chat-load.ts";
import type { DatabaseKind } from "./database.ts";

export interface ChatRun {
  database: DatabaseKind;
  plan: LoadPlan;
  reproduce: string;
}

export interface ChatOptions {
  conversations?: string | undefined;
  pace?: string | undefined;
  seconds?: string | undefined;
  warmup?: string | undefined;
  "skip-saturation"?: boolean | undefined;
}

/** PGlite is one embedded connection in the server's event loop: it gets a lighter default load. */
const defaults: Record<DatabaseKind, { conversations: number; pace: number }> = {
  pglite: { conversations: 100, pace: 50 },
  postgres: { conversations: 1000, pace: 500 },
};

function command(database: DatabaseKind, plan: LoadPlan): string {
  return [
    "npm run bench:chat --",
    `--database ${database}`,
    `--conversations ${plan.conversations}`,
    `--pace ${plan.pace}`,
    `--seconds ${plan.seconds}`,
    `--warmup ${plan.warmupSeconds}`,
    "--skip-saturation --skip-timers",
  ].join(" ");
}

export function chatRuns(databases: DatabaseKind[], options: ChatOptions): ChatRun[] {
  const runs: ChatRun[] = [];
  for (const database of databases) {
    const paced: LoadPlan = {
      conversations: Number(options.conversations ?? defaults[database].conversations),
      pace: Number(options.pace ?? defaults[database].pace),
      seconds: Number(options.seconds ?? 20),
      warmupSeconds: Number(options.warmup ?? 5),
    };
    runs.push({ database, plan: paced, reproduce: command(database, paced) });
    if (paced.pace > 0 && !options["skip-saturation"]) {
      const saturated = { ...paced, pace: 0 };
      runs.push({ database, plan: saturated, reproduce: command(database, saturated) });
    }
  }
  return runs;
}
