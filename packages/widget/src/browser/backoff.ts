const firstDelayMilliseconds = 500;
const longestDelayMilliseconds = 30_000;

/**
 * How long to wait before the next attempt (0 for the first retry): doubling
 * up to 30 seconds, each wait cut by a random part of up to a half so that
 * many pages losing the same server do not all come back at once.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(longestDelayMilliseconds, firstDelayMilliseconds * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (1 - random() / 2));
}
