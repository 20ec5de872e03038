/** How long a process's event loop was held up: a stalled loop delays every turn it serves at once. */
import { monitorEventLoopDelay } from "node:perf_hooks";

export interface LoopDelay {
  p99Milliseconds: number;
  maxMilliseconds: number;
}

/** Starts measuring; each call of the returned function gives the figures since the previous call. */
export function measureEventLoopDelay(): () => LoopDelay {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return () => {
    const figures = {
      p99Milliseconds: histogram.percentile(99) / 1e6,
      maxMilliseconds: histogram.max / 1e6,
    };
    histogram.reset();
    return figures;
  };
}
