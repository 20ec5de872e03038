/** Any locale: grapheme boundaries are the same in all of them. */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const paragraphBreak = /\n[^\S\n]*\n/g;
const lineBreak = /\n/g;
const whitespace = /\s/g;
/** A sentence ends at punctuation (and closing quotes) before a space; CJK full stops need no space. */
const sentenceEnd = /[.!?…]+["'”’»)\]]*(?=\s)|[。！？]+[」』）]*/g;
const address = /(?:https?:\/\/|www\.)\S+/gi;

/**
 * Splits text into pieces of at most `limit` characters (UTF-16 units as providers count them),
 * at paragraph, line, sentence or word boundaries where it can, never inside a surrogate pair.
 *
 * A boundary in the second half of the room is taken before a better kind further back, so a
 * long text does not turn into many short messages (each one costs on SMS). A word longer than
 * the limit is cut between graphemes, and a cut that would fall inside a link moves before it
 * when the link fits in a piece. Whitespace around cuts and at both ends is dropped; a text with
 * nothing but whitespace gives no pieces.
 */
export function splitText(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < 2) {
    // One unit cannot hold a character outside the Basic Multilingual Plane (most emoji).
    throw new RangeError(`limit must be an integer of at least 2, got ${limit}`);
  }
  const pieces: string[] = [];
  const end = text.trimEnd().length;
  let start = skipWhitespace(text, 0);
  while (end - start > limit) {
    const cut = cutPosition(text, start, limit);
    pieces.push(text.slice(start, start + cut).trimEnd());
    start = skipWhitespace(text, start + cut);
  }
  if (start < end) pieces.push(text.slice(start, end));
  return pieces;
}

function skipWhitespace(text: string, position: number): number {
  let next = position;
  while (next < text.length && /\s/.test(text.charAt(next))) next += 1;
  return next;
}

/** Where the piece starting at `start` (not whitespace) ends, relative to `start`: 1 to `limit`. */
function cutPosition(text: string, start: number, limit: number): number {
  // One unit more than the room, to see whether the text goes on with a space right at the limit.
  const window = text.slice(start, start + limit + 1);
  const halfFull = Math.ceil(limit / 2);
  return (
    lastMatchStart(window, paragraphBreak, halfFull) ??
    lastMatchStart(window, lineBreak, halfFull) ??
    lastSentenceEnd(window, limit, halfFull) ??
    lastMatchStart(window, whitespace, 1) ??
    keepAddressWhole(text, start, limit, graphemeCut(window, limit))
  );
}

function lastMatchStart(window: string, pattern: RegExp, least: number): number | null {
  let found: number | null = null;
  for (const match of window.matchAll(pattern)) if (match.index >= least) found = match.index;
  return found;
}

function lastSentenceEnd(window: string, limit: number, least: number): number | null {
  let found: number | null = null;
  for (const match of window.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    if (end >= least && end <= limit) found = end;
  }
  return found;
}

/** The last grapheme boundary within the limit; inside a grapheme longer than that, a code point boundary. */
function graphemeCut(window: string, limit: number): number {
  let cut = 0;
  for (const { index } of graphemes.segment(window)) {
    if (index > limit) break;
    cut = index;
  }
  if (cut > 0) return cut;
  const splitsPair =
    isHighSurrogate(window.charCodeAt(limit - 1)) && isLowSurrogate(window.charCodeAt(limit));
  return splitsPair ? limit - 1 : limit;
}

/** A link cut in two stops working on the customer's phone: it starts the next piece instead. */
function keepAddressWhole(text: string, start: number, limit: number, cut: number): number {
  const region = text.slice(start, start + cut + limit);
  for (const match of region.matchAll(address)) {
    const fitsAlone = match[0].length <= limit;
    if (match.index > 0 && match.index < cut && match.index + match[0].length > cut && fitsAlone) {
      return match.index;
    }
  }
  return cut;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
