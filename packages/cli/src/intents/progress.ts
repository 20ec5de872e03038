import type { CliIo } from "../io.ts";

/** Short runs print no progress at all; long ones a line about every second. */
const intervalMs = 1000;

export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/**
 * Progress lines for people waiting on a long evaluation. They go to stderr,
 * so `--json` output on stdout stays one JSON object.
 */
export function createClassificationProgress(
  io: CliIo,
  now: () => number,
): (done: number, total: number) => void {
  // The clock starts at the first report, so training time does not count towards "long".
  let last: number | null = null;
  return (done, total) => {
    last ??= now();
    if (done >= total || now() - last < intervalMs) return;
    last = now();
    io.stderr(`classified ${formatCount(done)} of ${formatCount(total)}\n`);
  };
}
