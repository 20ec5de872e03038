import { percentile } from "@parley/knowledge";
import type { GeneratedCorpus } from "./generated-articles.ts";
import type { SearchSide } from "./sides.ts";

export interface ScaleFigures {
  buildMs: number;
  /** Heap growth from building the index, with the articles themselves already in memory. */
  heapBytes: number;
  p50Ms: number;
  p99Ms: number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Builds the side's index over the generated articles and times each of the
 * corpus's questions (top 3, as article deflection asks), after one warm-up
 * pass so the figures are of a running server rather than of the first call.
 */
export function measureScale(side: SearchSide, corpus: GeneratedCorpus): ScaleFigures {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const search = side.build(corpus.articles);
  const buildMs = performance.now() - started;
  collectGarbage();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  for (const query of corpus.queries) search(query, 3);
  const latencies: number[] = [];
  for (const query of corpus.queries) {
    const begin = performance.now();
    search(query, 3);
    latencies.push(performance.now() - begin);
  }
  latencies.sort((left, right) => left - right);
  return {
    buildMs,
    heapBytes,
    p50Ms: percentile(latencies, 0.5) ?? 0,
    p99Ms: percentile(latencies, 0.99) ?? 0,
  };
}
