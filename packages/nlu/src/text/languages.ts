/** Languages with their own stemmer, stop words and spelling rules. */
export const supportedLanguages = ["en", "es", "pt"] as const;

export type SupportedLanguage = (typeof supportedLanguages)[number];

/**
 * The language whose rules apply to a language code such as "en-GB", "pt_BR"
 * or "ES". Anything else gets null: the caller then normalizes without
 * language rules (case, accents, punctuation and placeholders still apply).
 */
export function resolveLanguage(language: unknown): SupportedLanguage | null {
  if (typeof language !== "string") return null;
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return (supportedLanguages as readonly string[]).includes(base) ? (base as SupportedLanguage) : null;
}
