/**
 * What stands in for the parts of a message that differ from customer to
 * customer: "cancel order XXEE444" and "cancel order 12345" must look alike
 * to the classifier, and no training phrase can list every amount or email.
 */
export const placeholders = {
  /** A quantity: a number of at most four digits ("2 items", "in 2026"). */
  number: "<number>",
  /** An identifier: a longer number or a code of letters and digits ("12345", "XXEE444"). */
  code: "<code>",
  amount: "<amount>",
  /** A time of day ("5pm", "6:30 pm") or a date ("12/03/2019", "2026-11-24"). */
  time: "<time>",
  email: "<email>",
  url: "<url>",
} as const;

export type Placeholder = (typeof placeholders)[keyof typeof placeholders];

const placeholderValues: ReadonlySet<string> = new Set(Object.values(placeholders));

export function isPlaceholder(word: string): boolean {
  return placeholderValues.has(word);
}

/**
 * English number words, which say "some quantity" as digits do ("two
 * hundred dollars"). "One" is left out: it is as often a pronoun.
 */
const englishNumberWords = new Set(
  `two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion`.split(
    /\s+/,
  ),
);

export function isEnglishNumberWord(word: string): boolean {
  return englishNumberWords.has(word);
}

/**
 * The placeholder for a run of letters and digits that holds a digit, or
 * null when it is a word: short names such as "w2", "mp3", "4g" or "401k"
 * say what the customer talks about, where "XXEE444" only says "some order".
 */
export function placeholderFor(token: string): Placeholder | null {
  if (!/\p{Number}/u.test(token)) return null;
  const compact = token.replace(/[^\p{L}\p{N}]/gu, "");
  if (/^\p{N}{1,4}(?:[.,]\p{N}+)?$/u.test(token)) return placeholders.number;
  // "14th" and "3rd" are days of a month more often than anything else.
  if (/^\p{N}{1,4}(?:st|nd|rd|th)$/u.test(token)) return placeholders.number;
  if (/^\p{N}{1,2}(?::\p{N}{2})?(?:am|pm)$/u.test(token)) return placeholders.time;
  if (/^\p{N}{1,4}[/.-]\p{N}{1,2}[/.-]\p{N}{1,4}$/u.test(token)) return placeholders.time;
  if (/^\p{N}+$/u.test(compact)) return placeholders.code;
  return compact.length >= 5 || compact !== token ? placeholders.code : null;
}
