/** An intent as an organization defines it (spec 18). */
export interface IntentDefinition {
  name: string;
  /** Training phrases, in English (spec 18): at least 5, 12 or more recommended. */
  phrases?: readonly string[];
  /** Keywords by language code ("en", "es", "pt-BR"...): up to 15 per language, each 2 to 35 characters. */
  keywords?: Readonly<Record<string, readonly string[]>>;
}

/** The shape the engine's `detectIntent` returns (packages/engine/src/environment.ts). */
export interface DetectedIntent {
  intent: string;
  /** Calibrated confidence between 0 and 1. */
  score: number;
  reason: "keyword" | "phrases";
}

export interface IntentCandidate {
  intent: string;
  /** Calibrated confidence between 0 and 1. */
  score: number;
}

/** Everything the classifier found, for tools that show more than the answer. */
export interface Classification {
  detected: DetectedIntent | null;
  /** Whether the text was cut to `intentLimits.maxTextLength` characters before matching. */
  truncated: boolean;
  /** The best intents by phrases, best first (at most 5), whether or not one was detected. */
  candidates: IntentCandidate[];
}
