/**
 * English contractions, written with or without the apostrophe (customers
 * type "dont" as often as "don't"), become the words they stand for so that
 * "can't" and "cannot" both carry the "not" that changes an intent.
 */
const withoutApostrophe = new Map<string, string>(
  Object.entries({
    cant: "can not",
    cannot: "can not",
    dont: "do not",
    doesnt: "does not",
    didnt: "did not",
    isnt: "is not",
    arent: "are not",
    wasnt: "was not",
    werent: "were not",
    havent: "have not",
    hasnt: "has not",
    hadnt: "had not",
    wont: "will not",
    wouldnt: "would not",
    couldnt: "could not",
    shouldnt: "should not",
    aint: "is not",
    im: "i am",
    ive: "i have",
    youre: "you are",
    theyre: "they are",
    whats: "what is",
    wheres: "where is",
    hows: "how is",
    thats: "that is",
    theres: "there is",
    wanna: "want to",
    gonna: "going to",
    gotta: "have to",
  }),
);

const apostropheSuffixes: readonly (readonly [RegExp, string])[] = [
  [/\bcan't\b/g, "can not"],
  [/\bwon't\b/g, "will not"],
  [/\bain't\b/g, "is not"],
  [/n't\b/g, " not"],
  [/'m\b/g, " am"],
  [/'re\b/g, " are"],
  [/'ve\b/g, " have"],
  [/'ll\b/g, " will"],
  [/'d\b/g, " would"],
  // "'s" is "is" as often as a possessive; both carry no intent, so it goes.
  [/'s\b/g, ""],
];

/** Expands contractions that keep their apostrophe; `text` is lowercase with straight apostrophes. */
export function expandApostropheContractions(text: string): string {
  let expanded = text;
  for (const [pattern, replacement] of apostropheSuffixes) expanded = expanded.replace(pattern, replacement);
  return expanded;
}

/** The words a contraction typed without its apostrophe stands for, or null. */
export function expandBareContraction(word: string): string | null {
  return withoutApostrophe.get(word) ?? null;
}
