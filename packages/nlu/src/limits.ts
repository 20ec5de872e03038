/**
 * Limits on custom intents (spec 18, spec 08). The server validates definitions
 * against them; the classifier and the quality review read the same numbers.
 */
export const intentLimits = {
  /** Custom intents per organization. */
  maxIntents: 80,
  /** Keywords per intent and per language. */
  maxKeywordsPerLanguage: 15,
  minKeywordLength: 2,
  maxKeywordLength: 35,
  /** Training needs at least this many phrases per intent. */
  minPhrases: 5,
  /** Below this many phrases the review suggests adding more variations. */
  recommendedPhrases: 12,
  /** Customer text beyond this many characters is ignored (and reported as truncated). */
  maxTextLength: 1000,
} as const;
