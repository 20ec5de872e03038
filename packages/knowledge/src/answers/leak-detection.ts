import { splitWords } from "../text/analyzer.ts";

/**
 * How many words in a row a reply must share with a protected text to
 * count as a leak. Six is long enough that an answer about returns never
 * repeats six words of our rules by chance ("the passages do not contain
 * the" does not occur in support prose), and short enough to catch a model
 * that quotes a single rule.
 */
const fingerprintWords = 6;

export interface LeakDetector {
  /** Whether the text repeats a run of words of a protected text. */
  leaks(text: string): boolean;
  /** The characters of the longest fingerprint, once normalized: how far back a stream must hold text. */
  longestFingerprintLength: number;
}

/**
 * Detects replies that repeat protected instructions (the fixed rules).
 * Texts are compared on folded words, so case, accents, punctuation and
 * markdown do not hide a leak.
 */
export function createLeakDetector(protectedTexts: readonly string[]): LeakDetector {
  const fingerprints = new Set<string>();
  let longestFingerprintLength = 0;
  for (const text of protectedTexts) {
    for (const fingerprint of fingerprintsOf(text)) {
      fingerprints.add(fingerprint);
      longestFingerprintLength = Math.max(longestFingerprintLength, fingerprint.length);
    }
  }
  return {
    leaks: (text) => fingerprintsOf(text).some((fingerprint) => fingerprints.has(fingerprint)),
    longestFingerprintLength,
  };
}

function fingerprintsOf(text: string): string[] {
  const words = splitWords(text);
  const fingerprints: string[] = [];
  for (let start = 0; start + fingerprintWords <= words.length; start += 1) {
    fingerprints.push(words.slice(start, start + fingerprintWords).join(" "));
  }
  return fingerprints;
}
