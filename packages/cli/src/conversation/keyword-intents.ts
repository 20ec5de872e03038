import type { DetectedIntent } from "@parley/engine";
import { containsPhrase } from "./words.ts";

export interface KeywordIntent {
  intent: string;
  keywords: string[];
}

/**
 * A stand-in for intent detection while the real NLU package does not exist:
 * the first intent with a keyword that appears in the text as whole words wins,
 * ignoring case and punctuation. The language is not used; a context lists the
 * keywords of the language it tests. Pure, as the engine requires.
 */
export function createKeywordIntentDetector(
  intents: readonly KeywordIntent[],
): (text: string, language: string) => DetectedIntent | null {
  return (text) => {
    const found = intents.find((candidate) =>
      candidate.keywords.some((keyword) => containsPhrase(text, keyword)),
    );
    return found ? { intent: found.intent, score: 1, reason: "keyword" } : null;
  };
}
