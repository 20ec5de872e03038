/**
 * Ids for new dialogs and interactions, in the model's style (identifiers.ts: 1 to 64 letters,
 * digits, '-' or '_'), read like the templates' ids: `ask-customer-name`, `welcome-message`.
 */

const maxBaseLength = 48;

/** A readable id from a name: "Ask Customer Name" becomes `ask-customer-name`. */
export function identifierFrom(name: string, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxBaseLength)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueIdentifier(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let number = 2; ; number += 1) {
    const candidate = `${base}-${number}`;
    if (!taken.has(candidate)) return candidate;
  }
}
