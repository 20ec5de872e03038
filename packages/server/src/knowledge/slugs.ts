import { createHash } from "node:crypto";
import { knowledgeLimits } from "./knowledge-limits.ts";

/** What a slug looks like: lower-case ASCII letters and digits in words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Letters that Unicode decomposition does not reduce to ASCII, spelled the way people type them. */
const spelledLetters: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
};

/** Cuts at a word boundary when there is one, so a long title does not end its slug mid-word. */
function shortened(slug: string, length: number): string {
  if (slug.length <= length) return slug;
  const cut = slug.slice(0, length + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, length)).replace(/-+$/, "");
}

/**
 * The slug of a title: "Où est ma commande ?" becomes "ou-est-ma-commande". The same title always
 * gives the same slug, which is what lets an import find the article it imported before. A title
 * with no Latin letters or digits (a Japanese title, say) gets "article-" and a hash of the title.
 */
export function slugFromTitle(title: string): string {
  const ascii = title
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => spelledLetters[letter] ?? letter)
    .normalize("NFKD")
    .replace(/\p{Mark}/gu, "")
    // "Don't" is one word.
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii !== "") return shortened(ascii, knowledgeLimits.slugLength);
  return `article-${createHash("sha256").update(title).digest("hex").slice(0, 12)}`;
}

/** The slug with "-2", "-3"… added, shortened so the whole stays within the limit. */
export function numberedSlug(slug: string, number: number): string {
  const suffix = `-${number}`;
  return `${shortened(slug, knowledgeLimits.slugLength - suffix.length)}${suffix}`;
}
