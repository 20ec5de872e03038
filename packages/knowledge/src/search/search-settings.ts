/**
 * The ranking's constants, tuned on CovidFAQ (`npm run bench:kb`) and
 * checked on the demo help center's questions.
 */
export const searchSettings = {
  /** BM25 term-frequency saturation and length normalization. */
  saturation: 1.2,
  lengthNormalization: 0.75,
  /** A word in the title counts this many times one in the body: titles say what an article answers. */
  titleWeight: 4,
  /**
   * Stop words count in titles and pairs but not in bodies: "how long" and
   * "can I" tell FAQ titles apart, while in a body they are everywhere.
   */
  bodyStopWordWeight: 0,
  /** In titles, stop words count at this fraction: enough for "how long" to matter, not for "my" to win. */
  titleStopWordWeight: 0.7,
  /** Neighbouring words of the question found side by side in a title ("how long", "track order"). */
  titlePairWeight: 1,
  /** A stored word that begins with the question's word ("covid" → "covid19"). */
  prefixWeight: 0.5,
  prefixMinimumLength: 3,
  prefixExpansionLimit: 40,
  /** A stored word one or two edits from an unknown word of the question (typos). */
  typoWeight: 0.4,
  typoMinimumLength: 5,
  twoTyposMinimumLength: 8,
  /**
   * Relevance is a logistic function of four figures of the question and the
   * best article (see relevance.ts). The weights are a class-balanced
   * logistic regression on CovidFAQ's related questions against
   * bench/kb/unrelated-questions.jsonl; the demo help center's questions
   * were kept out of the fit to check it. `node bench/kb/fit-relevance.ts`
   * fits them again and prints both sets of rates.
   */
  relevanceBias: -8.58,
  coverageWeight: 6.67,
  knownRarityWeight: -15.23,
  knownWordWeight: 25.31,
  questionLengthWeight: -4.09,
  /** Below this relevance, the best article does not answer the question: deflection shows nothing, answers refuse. */
  relevanceThreshold: 0.6,
  /** Snippets are cut to about this many characters, at a word boundary. */
  snippetLength: 220,
} as const;

export type SearchSettings = { -readonly [Key in keyof typeof searchSettings]: number };
