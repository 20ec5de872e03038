import { type EvaluationReport, type LabeledLine, percentile } from "@parley/nlu";
import type { Side, TrainedSide } from "./sides.ts";

export interface Timed<T> {
  value: T;
  wallMs: number;
  /** Process CPU time: on a loaded machine it moves much less than wall time. */
  cpuMs: number;
}

function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const wallStarted = performance.now();
  const cpuStarted = cpuNow();
  const value = await work();
  return { value, wallMs: performance.now() - wallStarted, cpuMs: cpuNow() - cpuStarted };
}

export interface DrawFigures {
  report: EvaluationReport;
  trainCpuMs: number;
}

/** Trains a side on one draw and evaluates it; garbage is collected first so neither side pays for the other. */
export async function runDraw(
  side: Side,
  shots: readonly LabeledLine[],
  evaluation: readonly LabeledLine[],
): Promise<DrawFigures> {
  globalThis.gc?.();
  const training = await timed(() => side.train(shots));
  // Training leaves garbage behind; collecting it first keeps it out of the latency figures.
  globalThis.gc?.();
  const report = await training.value.evaluate(evaluation, training.wallMs);
  return { report, trainCpuMs: training.cpuMs };
}

export interface MemoryFigures {
  heapBytes: number;
  jsonBytes: number;
  trainWallMs: number;
  trainCpuMs: number;
  trained: TrainedSide;
}

function usedBytes(): number {
  const usage = process.memoryUsage();
  // Typed arrays live outside the JavaScript heap; count them too.
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Memory held by a trained model after garbage collection, measured as the
 * growth of the heap (and array buffers) while the model is alive and has
 * answered once, so any lookup tables built on first use are counted.
 * Needs `node --expose-gc`; without it the figure is 0.
 */
export async function measureModel(
  side: Side,
  shots: readonly LabeledLine[],
  probe: string,
): Promise<MemoryFigures> {
  const gc = globalThis.gc;
  gc?.();
  gc?.();
  const before = usedBytes();
  const training = await timed(() => side.train(shots));
  await training.value.detect(probe);
  gc?.();
  gc?.();
  const heapBytes = gc ? Math.max(0, usedBytes() - before) : 0;
  return {
    heapBytes,
    jsonBytes: training.value.serializedBytes(),
    trainWallMs: training.wallMs,
    trainCpuMs: training.cpuMs,
    trained: training.value,
  };
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Latency percentiles where each text counts its fastest of three passes:
 * on a shared machine a single pass's p99 mostly measures when the
 * scheduler took the CPU away, which rarely happens to one text three times.
 */
export async function bestOfThreeLatencies(
  trained: TrainedSide,
  lines: readonly LabeledLine[],
): Promise<{ p50Ms: number; p99Ms: number }> {
  const best = lines.map(() => Number.POSITIVE_INFINITY);
  for (let pass = 0; pass < 3; pass += 1) {
    for (const [index, line] of lines.entries()) {
      const started = performance.now();
      await trained.detect(line.text);
      best[index] = Math.min(best[index] ?? Number.POSITIVE_INFINITY, performance.now() - started);
    }
  }
  best.sort((left, right) => left - right);
  return { p50Ms: percentile(best, 0.5) ?? 0, p99Ms: percentile(best, 0.99) ?? 0 };
}
