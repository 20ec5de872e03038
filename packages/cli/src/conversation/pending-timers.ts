import type { TimerName } from "@parley/engine";

export interface PendingTimer {
  name: TimerName;
  timerId: string;
  /** When it is due, in milliseconds since the epoch. */
  at: number;
}

/**
 * The timers an assistant has set, as the server keeps them: one per name (a
 * new schedule replaces the old one, like a job with a singleton key), removed
 * by `timer.cancel` or when it fires.
 */
export class PendingTimers {
  private readonly timers = new Map<TimerName, PendingTimer & { order: number }>();
  private scheduled = 0;

  schedule(timer: PendingTimer): void {
    this.scheduled += 1;
    this.timers.set(timer.name, { ...timer, order: this.scheduled });
  }

  cancel(name: TimerName): void {
    this.timers.delete(name);
  }

  /** Removes and returns the earliest timer due at or before `until`; equal times fire in the order they were set. */
  takeNextDue(until: number): PendingTimer | null {
    const next = this.list().find((timer) => timer.at <= until);
    if (!next) return null;
    this.timers.delete(next.name);
    return { name: next.name, timerId: next.timerId, at: next.at };
  }

  list(): Array<PendingTimer & { order: number }> {
    return [...this.timers.values()].sort((left, right) => left.at - right.at || left.order - right.order);
  }
}
