export interface ProactivePollingOptions {
  /** Asks the server once; resolves true when there is nothing more to ask (a match, or a reason to stop). */
  check(): Promise<boolean>;
  intervalMilliseconds: number;
  /** No check starts after this long: proactive rules are about the first minutes on a page. */
  durationMilliseconds: number;
  now?: () => number;
  setTimer?: (callback: () => void, delay: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Asks at once, then every interval until a check says stop or the duration
 * is over. Checks never overlap: the next waits for the previous to answer.
 * A failed check (network) counts as "keep asking".
 */
export function startProactivePolling(options: ProactivePollingOptions): () => void {
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((callback, delay) => setTimeout(callback, delay));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as number));
  const startedAt = now();
  let stopped = false;
  let timer: unknown = null;

  const run = async () => {
    timer = null;
    if (stopped) return;
    let done = false;
    try {
      done = await options.check();
    } catch {
      done = false;
    }
    if (done || stopped) return;
    if (now() - startedAt + options.intervalMilliseconds > options.durationMilliseconds) return;
    timer = setTimer(run, options.intervalMilliseconds);
  };
  void run();

  return () => {
    stopped = true;
    if (timer !== null) clearTimer(timer);
  };
}
