import { cleanReplyText, couldBecomeNoAnswerReply } from "./answer-reply.ts";

/**
 * The fewest characters held back from the customer while a reply streams.
 * The sentinel is shorter, so the start of a stream is never shown before
 * it is clear it is not the sentinel.
 */
export const minimumHoldBackCharacters = 24;

/**
 * Extra room over the longest leak fingerprint: a leak in the raw reply can
 * be longer than its normalized fingerprint (markdown, punctuation).
 */
const holdBackSlackCharacters = 32;

export interface ReplyStreamGateOptions {
  /** Receives the text that is safe to show, piece by piece, in order. */
  onText: (delta: string) => void;
  /** Whether the reply so far must not be shown at all (the sentinel, a leak). */
  withholds: (replySoFar: string) => boolean;
  /** The length of the longest text whose appearance `withholds` detects. */
  longestWithheldLength: number;
}

/**
 * Passes a streaming reply on to the customer, but only the part that can
 * no longer turn out to be the "no answer" sentinel or a leak of the
 * instructions: both are only known once enough text has arrived. So the
 * gate keeps the last stretch of the reply back (at least
 * `minimumHoldBackCharacters`, and always longer than the longest leak
 * fingerprint), and stops for good when the reply turns out to be one of
 * them. Held-back text is released when the answer is final; then the
 * pieces add up exactly to the final answer's text. The customer sees the
 * reply start a little later and never sees the sentinel or a whole leak.
 */
export class ReplyStreamGate {
  readonly #options: ReplyStreamGateOptions;
  readonly #holdBack: number;
  #reply = "";
  #shown = "";
  #stopped = false;

  constructor(options: ReplyStreamGateOptions) {
    this.#options = options;
    this.#holdBack = Math.max(
      minimumHoldBackCharacters,
      options.longestWithheldLength + holdBackSlackCharacters,
    );
  }

  /** The reply received so far, raw. */
  get reply(): string {
    return this.#reply;
  }

  /** Whether the reply turned out to be withheld, so nothing more will be shown. */
  get stopped(): boolean {
    return this.#stopped;
  }

  push(delta: string): void {
    this.#reply += delta;
    if (this.#stopped) return;
    if (this.#options.withholds(this.#reply)) {
      this.#stopped = true;
      return;
    }
    const end = safeEnd(this.#reply, this.#reply.length - this.#holdBack);
    if (end > 0 && !couldBecomeNoAnswerReply(this.#reply.slice(0, end)))
      this.#show(cleanReplyText(this.#reply.slice(0, end)));
  }

  /** Shows what was held back of the final answer's text; nothing when the reply was withheld. */
  finish(finalText: string): void {
    if (!this.#stopped) this.#show(finalText);
  }

  #show(cleaned: string): void {
    // Cleaning a safe prefix gives a prefix of the cleaned whole; the check keeps that promise
    // from turning into garbled text if it were ever broken.
    if (cleaned.length <= this.#shown.length || !cleaned.startsWith(this.#shown)) return;
    this.#options.onText(cleaned.slice(this.#shown.length));
    this.#shown = cleaned;
  }
}

/**
 * Moves a cut point back to where cleaning cannot change what is before
 * it: not inside a "[n" marker that is still open, not after spaces that a
 * marker may still claim; and to the end of a word, which also keeps
 * surrogate pairs and combining accents whole.
 */
function safeEnd(text: string, limit: number): number {
  let end = Math.min(limit, text.length);
  if (end <= 0) return 0;
  const open = text.lastIndexOf("[", end - 1);
  if (open >= 0 && !text.slice(open, end).includes("]")) end = open;
  // Whole words only: a chat bubble that grows by words reads better than one that grows by letters.
  if (end < text.length && !/\s/u.test(text[end] ?? "")) {
    const lastSpace = text.slice(0, end).search(/\s\S*$/u);
    end = Math.max(lastSpace, 0);
  }
  while (end > 0 && /\s/u.test(text[end - 1] ?? "")) end -= 1;
  return end;
}
