/**
 * Which transcript messages are on screen. Messages reach the widget twice
 * on purpose (the history request and the socket overlap, a reconnect
 * replays, a sent message comes back), so each sequence number is shown once
 * and in order.
 */
export interface SequenceTracker {
  /** The highest sequence number seen: the socket resumes after it. */
  readonly lastSequence: number;
  has(sequence: number): boolean;
  /**
   * Records a sequence number; answers where its message goes among the
   * messages already shown, or -1 when it is already shown.
   */
  accept(sequence: number): number;
  reset(): void;
}

export function createSequenceTracker(): SequenceTracker {
  let sorted: number[] = [];
  const seen = new Set<number>();
  return {
    get lastSequence() {
      return sorted.length === 0 ? 0 : (sorted[sorted.length - 1] ?? 0);
    },
    has: (sequence) => seen.has(sequence),
    accept(sequence) {
      if (seen.has(sequence)) return -1;
      seen.add(sequence);
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((sorted[middle] ?? 0) < sequence) low = middle + 1;
        else high = middle;
      }
      sorted.splice(low, 0, sequence);
      return low;
    },
    reset() {
      sorted = [];
      seen.clear();
    },
  };
}
