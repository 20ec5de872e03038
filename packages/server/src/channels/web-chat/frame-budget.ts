/**
 * The widget sends a typing frame at most every 3 seconds; a few a second with a small burst
 * leaves any honest client far inside, and keeps one socket from costing the server much.
 */
export const socketFramesPerSecond = 5;
export const socketFrameBurst = 10;

/** The close code of a socket that sent far more frames than allowed: policy violation. */
export const tooManyFramesCloseCode = 1008;

export type FrameVerdict = "allowed" | "ignored" | "abusive";

/**
 * A token bucket per socket: each frame takes a token, `socketFramesPerSecond` come back each
 * second up to `socketFrameBurst`. A frame without a token is ignored; a socket that keeps
 * sending until it owes a whole burst more is abusive, and is closed.
 */
export class FrameBudget {
  private tokens = socketFrameBurst;
  private refilledAt: number;
  private readonly now: () => number;

  constructor(now: () => number = performance.now.bind(performance)) {
    this.now = now;
    this.refilledAt = now();
  }

  take(): FrameVerdict {
    const now = this.now();
    const earned = ((now - this.refilledAt) / 1000) * socketFramesPerSecond;
    this.tokens = Math.min(socketFrameBurst, this.tokens + earned) - 1;
    this.refilledAt = now;
    if (this.tokens >= 0) return "allowed";
    return this.tokens >= -socketFrameBurst ? "ignored" : "abusive";
  }
}
