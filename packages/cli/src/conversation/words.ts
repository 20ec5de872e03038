/**
 * Word handling for the context's scripted answers and for test expectations.
 * Lowercase, accents dropped, anything that is not a letter or digit
 * separates words, so "Where's my ORDER?" is `where s my order`.
 */
export function words(text: string): string[] {
  const normalized = text
    .normalize("NFKD")
    .replace(/\p{Mark}/gu, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim();
  return normalized === "" ? [] : normalized.split(" ");
}

/**
 * Whether `phrase` occurs in `text` as whole words: "order" is in "my order
 * is late" but not in "reorder". A phrase of several words must appear in a row.
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const wanted = words(phrase);
  if (wanted.length === 0) return false;
  return ` ${words(text).join(" ")} `.includes(` ${wanted.join(" ")} `);
}
