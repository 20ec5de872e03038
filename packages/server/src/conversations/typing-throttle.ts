/**
 * The widget sends "typing" at most every 3 seconds and shows it for 8: a fresh "typing" every
 * 3 seconds keeps the other side's indicator on, and more is only load.
 */
export const typingIntervalMilliseconds = 3000;

/** How long a conversation's last typing state is remembered, so a repeated "stopped" stays quiet. */
const memoryMilliseconds = 60_000;
const maxRemembered = 50_000;

type TypingAuthor = "customer" | "assistant" | "agent";

/**
 * Decides which typing states are worth a notice, per conversation and author, in this process
 * (several processes may each send one an interval, which is still a handful):
 * a change, or "still typing" once the interval has passed since the last one went out. A stop
 * after "typing" always goes out, so the indicator does not linger; any other change waits for
 * the interval too, so switching back and forth gives at most two notices an interval.
 */
export class TypingThrottle {
  /** By last notice, oldest first, so forgetting starts at the front. */
  private readonly remembered = new Map<string, { active: boolean; at: number }>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  admit(conversationId: string, author: TypingAuthor, active: boolean): boolean {
    const now = this.now();
    this.forgetBefore(now - memoryMilliseconds);
    const key = `${author}:${conversationId}`;
    const previous = this.remembered.get(key);
    if (previous && !this.worthSending(previous, active, now)) return false;
    this.remembered.delete(key);
    this.remembered.set(key, { active, at: now });
    if (this.remembered.size > maxRemembered) this.forgetOldest();
    return true;
  }

  private worthSending(previous: { active: boolean; at: number }, active: boolean, now: number): boolean {
    if (previous.active && !active) return true;
    if (!active) return false;
    return now - previous.at >= typingIntervalMilliseconds;
  }

  private forgetBefore(moment: number): void {
    for (const [key, state] of this.remembered) {
      if (state.at >= moment) return;
      this.remembered.delete(key);
    }
  }

  private forgetOldest(): void {
    const oldest = this.remembered.keys().next();
    if (!oldest.done) this.remembered.delete(oldest.value);
  }
}
