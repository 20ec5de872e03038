import os from "node:os";
import { type Flow, turnsPerConversation } from "./script.ts";

/**
 * Runs `count` conversations back to back and returns customer-facing turns
 * per second. Both sides are awaited the same way, so the synchronous engine
 * pays the same promise hop per conversation as the asynchronous peer.
 */
export async function turnsPerSecond(
  flow: Flow,
  nextConversation: () => number,
  count: number,
): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) await flow.runConversation(nextConversation());
  const seconds = (performance.now() - started) / 1000;
  return (count * turnsPerConversation) / seconds;
}

export interface StateSize {
  /** The largest stored state after any turn. */
  max: number;
  /** The stored state after the last turn. */
  end: number;
}

/** The UTF-8 bytes of the stored conversation state, outside any timing. */
export async function stateSize(flow: Flow, conversation: number): Promise<StateSize> {
  const sizes: number[] = [];
  await flow.runConversation(conversation, (bytes) => sizes.push(bytes));
  if (sizes.length === 0 || sizes.some((bytes) => bytes === 0)) {
    throw new Error(`${flow.name}: no stored state was found after a turn`);
  }
  return { max: Math.max(...sizes), end: sizes.at(-1) ?? 0 };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function machine(): string {
  const cpus = os.cpus();
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${memory} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}
