/**
 * The Porter stemmer (M. F. Porter, 1980), with the two changes of its
 * author's later C version ("bli" to "ble", "logi" to "log"). It is small,
 * deterministic and well known, and it only has to make "cancelled",
 * "cancels" and "canceling" look alike; the character n-grams of the
 * classifier cover what it misses.
 */

function isConsonant(word: string, index: number): boolean {
  const letter = word[index];
  if (letter === "a" || letter === "e" || letter === "i" || letter === "o" || letter === "u") return false;
  if (letter === "y") return index === 0 || !isConsonant(word, index - 1);
  return true;
}

/** The number of vowel-consonant sequences in word[0, end). */
function measure(word: string, end: number): number {
  let count = 0;
  let index = 0;
  while (index < end && isConsonant(word, index)) index += 1;
  while (index < end) {
    while (index < end && !isConsonant(word, index)) index += 1;
    if (index >= end) break;
    while (index < end && isConsonant(word, index)) index += 1;
    count += 1;
  }
  return count;
}

function hasVowel(word: string, end: number): boolean {
  for (let index = 0; index < end; index += 1) if (!isConsonant(word, index)) return true;
  return false;
}

function endsWithDoubleConsonant(word: string, end: number): boolean {
  return end >= 2 && word[end - 1] === word[end - 2] && isConsonant(word, end - 1);
}

/** Consonant-vowel-consonant at the end, the last not w, x or y (as in "hop", not "snow"). */
function endsWithShortSyllable(word: string, end: number): boolean {
  if (end < 3) return false;
  const last = word[end - 1];
  return (
    isConsonant(word, end - 3) &&
    !isConsonant(word, end - 2) &&
    isConsonant(word, end - 1) &&
    last !== "w" &&
    last !== "x" &&
    last !== "y"
  );
}

type Rule = readonly [suffix: string, replacement: string];

/** Replaces the first matching suffix when the stem before it measures more than `minimumMeasure`. */
function replaceSuffix(word: string, rules: readonly Rule[], minimumMeasure: number): string {
  for (const [suffix, replacement] of rules) {
    if (!word.endsWith(suffix)) continue;
    const stemEnd = word.length - suffix.length;
    return measure(word, stemEnd) > minimumMeasure ? word.slice(0, stemEnd) + replacement : word;
  }
  return word;
}

const step2Rules: Rule[] = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["izer", "ize"],
  ["bli", "ble"],
  ["alli", "al"],
  ["entli", "ent"],
  ["eli", "e"],
  ["ousli", "ous"],
  ["ization", "ize"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["iveness", "ive"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["aliti", "al"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["logi", "log"],
];

const step3Rules: Rule[] = [
  ["icate", "ic"],
  ["ative", ""],
  ["alize", "al"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
];

const step4Suffixes = [
  "al",
  "ance",
  "ence",
  "er",
  "ic",
  "able",
  "ible",
  "ant",
  "ement",
  "ment",
  "ent",
  "ion",
  "ou",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
];

function step1(word: string): string {
  let stem = word;
  if (stem.endsWith("sses") || stem.endsWith("ies")) stem = stem.slice(0, -2);
  else if (stem.endsWith("s") && !stem.endsWith("ss")) stem = stem.slice(0, -1);

  if (stem.endsWith("eed")) {
    if (measure(stem, stem.length - 3) > 0) stem = stem.slice(0, -1);
  } else {
    const suffix = stem.endsWith("ed") ? "ed" : stem.endsWith("ing") ? "ing" : "";
    if (suffix && hasVowel(stem, stem.length - suffix.length)) {
      stem = stem.slice(0, -suffix.length);
      if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) stem += "e";
      else if (endsWithDoubleConsonant(stem, stem.length) && !/[lsz]$/.test(stem)) stem = stem.slice(0, -1);
      else if (measure(stem, stem.length) === 1 && endsWithShortSyllable(stem, stem.length)) stem += "e";
    }
  }
  if (stem.endsWith("y") && hasVowel(stem, stem.length - 1)) stem = `${stem.slice(0, -1)}i`;
  return stem;
}

function step4(word: string): string {
  for (const suffix of step4Suffixes) {
    if (!word.endsWith(suffix)) continue;
    const stemEnd = word.length - suffix.length;
    if (measure(word, stemEnd) <= 1) return word;
    if (suffix === "ion" && !/[st]$/.test(word.slice(0, stemEnd))) return word;
    return word.slice(0, stemEnd);
  }
  return word;
}

function step5(word: string): string {
  let stem = word;
  if (stem.endsWith("e")) {
    const stemMeasure = measure(stem, stem.length - 1);
    if (stemMeasure > 1 || (stemMeasure === 1 && !endsWithShortSyllable(stem, stem.length - 1))) {
      stem = stem.slice(0, -1);
    }
  }
  if (stem.endsWith("ll") && measure(stem, stem.length) > 1) stem = stem.slice(0, -1);
  return stem;
}

/** Stems one lowercase English word; words of one or two letters stay as they are. */
export function stemEnglish(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  let stem = step1(word);
  stem = replaceSuffix(stem, step2Rules, 0);
  stem = replaceSuffix(stem, step3Rules, 0);
  stem = step4(stem);
  return step5(stem);
}
