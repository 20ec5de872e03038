import type { Citation } from "../types.ts";
import { noAnswerSentinel, type PromptSource } from "./answer-prompt.ts";

/** The most citations given when the model cites nothing: the best articles it was shown. */
const fallbackCitationCount = 3;

/** "[1]", "[2, 3]", "[1-2]", with the spaces before it. */
const citationMarkerPattern = /[ \t]*\[(\d{1,3}(?:\s*[,;\-–]\s*\d{1,3})*)\]/gu;

const sentinelLetters = noAnswerSentinel.replace(/[^\p{L}]/gu, "").toLowerCase();

/**
 * Whether a reply is, or contains, the "no answer" sentinel. Models dress
 * it up ("NO_ANSWER.", "**NO_ANSWER**", "NO\_ANSWER") or put it after an
 * apology; any of these means the passages did not answer.
 */
export function isNoAnswerReply(reply: string): boolean {
  if (/no\\?_answer/iu.test(reply)) return true;
  return lettersOf(reply) === sentinelLetters;
}

/** Whether a stream that begins with this text may still turn out to be the sentinel alone. */
export function couldBecomeNoAnswerReply(replyStart: string): boolean {
  const letters = lettersOf(replyStart);
  return letters.length <= sentinelLetters.length && sentinelLetters.startsWith(letters);
}

function lettersOf(text: string): string {
  return text.replace(/[^\p{L}]/gu, "").toLowerCase();
}

/**
 * The reply as the customer reads it: without the "[n]" markers, which
 * point at passage numbers the customer never sees (the cited articles are
 * shown as links instead). Removing them depends only on the text before
 * each point, so cleaning a prefix of a reply gives a prefix of the
 * cleaned reply: streaming relies on that.
 */
export function cleanReplyText(reply: string): string {
  return reply.replace(citationMarkerPattern, "").trim();
}

/**
 * The articles a reply cites through its "[n]" markers, in the order first
 * cited. Numbers that match no passage are ignored. When nothing valid is
 * cited, the articles of the passages the model was given, best first.
 */
export function citationsOfReply(reply: string, sources: readonly PromptSource[]): Citation[] {
  const cited = new Map<string, Citation>();
  const add = (source: PromptSource | undefined) => {
    if (source && !cited.has(source.articleId)) {
      cited.set(source.articleId, { articleId: source.articleId, title: source.title, url: source.url });
    }
  };
  for (const match of reply.matchAll(citationMarkerPattern)) {
    for (const number of markerNumbers(match[1] ?? "")) add(sources[number - 1]);
  }
  if (cited.size === 0) {
    for (const source of sources) {
      if (cited.size >= fallbackCitationCount) break;
      add(source);
    }
  }
  return [...cited.values()];
}

/** "2, 3" gives 2 and 3; "1-3" gives 1, 2 and 3 (a range is capped, a typo cannot make it huge). */
function markerNumbers(marker: string): number[] {
  const numbers: number[] = [];
  for (const part of marker.split(/\s*[,;]\s*/u)) {
    const [from, to] = part.split(/\s*[-–]\s*/u).map(Number);
    if (from === undefined || Number.isNaN(from)) continue;
    const last = to === undefined || Number.isNaN(to) ? from : Math.min(to, from + 10);
    for (let number = from; number <= last; number += 1) numbers.push(number);
  }
  return numbers;
}
