/** One quotable piece of an article: a sentence of prose, or one item of a list. */
export interface Sentence {
  text: string;
  kind: "sentence" | "list-item";
  /** Which paragraph of the text it comes from, counted from 0 (a blank line starts a new one). */
  paragraph: number;
  /** A short line without final punctuation ("Processing time"): a title, never quoted on its own. */
  heading: boolean;
  /** For list items: which list of the text they belong to, counted from 0. */
  list?: number;
  /** For the sentence right before a list ("Follow these steps:"): the list it introduces. */
  introducesList?: number;
}

/**
 * Words that end with a period without ending the sentence. Compared without
 * the period, lowercase. "etc." is left out on purpose: it often does end a
 * sentence, and a capital letter after it is the better signal.
 */
const abbreviations = new Set([
  // English
  "e.g",
  "i.e",
  "eg",
  "ie",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "vs",
  "approx",
  "no",
  "nos",
  "dept",
  "est",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  // Spanish and Portuguese
  "sr",
  "sra",
  "srta",
  "dra",
  "ej",
  "p.ej",
  "ex",
  "aprox",
  "núm",
  "nº",
  "av",
  "pág",
  "tel",
]);

/** "- item", "* item", "• item", "1. item", "2) item", "a) item". */
const listItemPattern = /^\s*(?:[-*•‣◦▪–]|\d{1,3}[.)]|[a-z]\))\s+\S/u;
const endsWithTerminalPunctuation = /[.!?…:;]["'”’»)\]]*$/u;
/** The most words a line can have and still read as a title when it has no final punctuation. */
const headingMaximumWords = 10;

interface Segment {
  text: string;
  kind: "prose" | "list-item";
  /** Whether a blank line separates this segment from the previous one. */
  afterBlankLine: boolean;
}

/**
 * Splits article text into sentences and list items, in order. Sentences
 * are never cut inside: "e.g.", "U.S.", "p.m.", "4.99" and "example.com"
 * do not end a sentence, and a line of a list is always one piece of its
 * own, whatever punctuation it has.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let listCount = 0;
  let paragraph = -1;
  let previousKind: Segment["kind"] | undefined;
  for (const segment of segmentLines(text)) {
    if (segment.afterBlankLine || paragraph < 0) paragraph += 1;
    if (segment.kind === "list-item") {
      if (previousKind !== "list-item") {
        markLeadIn(sentences, listCount, segment.afterBlankLine);
        listCount += 1;
      }
      sentences.push({
        text: segment.text,
        kind: "list-item",
        paragraph,
        heading: false,
        list: listCount - 1,
      });
    } else {
      for (const piece of splitProse(segment.text)) {
        sentences.push({ text: piece, kind: "sentence", paragraph, heading: isHeading(piece) });
      }
    }
    previousKind = segment.kind;
  }
  return sentences;
}

/** The sentence before a list introduces it when it ends with a colon, or when nothing separates them. */
function markLeadIn(sentences: Sentence[], list: number, afterBlankLine: boolean): void {
  const previous = sentences.at(-1);
  if (previous?.kind !== "sentence" || previous.heading) return;
  if (/:["'”’)]*$/u.test(previous.text) || !afterBlankLine) previous.introducesList = list;
}

function isHeading(sentence: string): boolean {
  return !endsWithTerminalPunctuation.test(sentence) && sentence.split(/\s+/u).length <= headingMaximumWords;
}

/**
 * Groups lines into prose and list items. A line that starts with a
 * lowercase letter continues the line before it (a hard wrap); an indented
 * line after a list item continues that item.
 */
function segmentLines(text: string): Segment[] {
  const segments: Segment[] = [];
  let afterBlankLine = false;
  for (const line of text.replace(/\r\n?/gu, "\n").split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "") {
      afterBlankLine = true;
      continue;
    }
    const previous = segments.at(-1);
    if (listItemPattern.test(line)) {
      segments.push({ text: trimmed, kind: "list-item", afterBlankLine });
    } else if (previous && !afterBlankLine && continuesPrevious(previous, line, trimmed)) {
      previous.text = `${previous.text} ${trimmed}`;
    } else {
      segments.push({ text: trimmed, kind: "prose", afterBlankLine });
    }
    afterBlankLine = false;
  }
  return segments;
}

function continuesPrevious(previous: Segment, line: string, trimmed: string): boolean {
  if (previous.kind === "list-item") return /^\s/u.test(line);
  // A title line ("Processing time") followed by a capitalized sentence stays apart.
  if (!endsWithTerminalPunctuation.test(previous.text)) return !/^\p{Lu}/u.test(trimmed);
  return !/^\p{Lu}|^\p{N}/u.test(trimmed);
}

/** Punctuation that may end a sentence, any closing quotes or brackets, then the space after it. */
const boundaryPattern = /[.!?…]+["'”’»)\]]*\s+/gu;

/** Splits a run of prose into sentences. */
export function splitProse(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(boundaryPattern)) {
    const end = match.index + match[0].trimEnd().length;
    const next = text.slice(match.index + match[0].length);
    if (!endsSentence(text.slice(start, end), match[0], next)) continue;
    pieces.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) pieces.push(rest);
  return pieces.filter((piece) => piece !== "");
}

function endsSentence(candidate: string, boundary: string, next: string): boolean {
  // "approx. two days", "e.g. a receipt": a lowercase word never starts a new sentence.
  if (/^\p{Ll}/u.test(next)) return false;
  if (!boundary.startsWith(".")) return true;
  const lastWord = (candidate.match(/(\S+)$/u)?.[1] ?? "")
    .replace(/^["'“‘«([]+/u, "")
    .replace(/[.)"'”’»\]]+$/u, "")
    .toLowerCase();
  if (abbreviations.has(lastWord)) return false;
  // "U.S.", "p.m.", "a.m.": letters with dots between them.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(lastWord)) return false;
  // An initial, as in "J. Smith".
  if (/^\p{L}$/u.test(lastWord) && /^\p{Lu}/u.test(next)) return false;
  return true;
}
