/** The rules the quality review checks (spec 15: distinct examples, a wide vocabulary). */
export type IntentWarningRule =
  /** A phrase reads more like another intent's phrases than its own, or almost as much. */
  | "phrase-fits-other-intent"
  /** The same phrase, once normalized, is in two intents. */
  | "phrase-in-two-intents"
  /** Two phrases of an intent say nearly the same words: they add little to training. */
  | "near-duplicate-phrases"
  /** Fewer than 3 distinct words: too little for the classifier to tell intents apart. */
  | "too-few-words"
  /** Fewer phrases than the 12 recommended (or than the 5 required). */
  | "too-few-phrases"
  /** The same keyword in two intents; a keyword belongs to one intent only (spec 18). */
  | "keyword-in-two-intents"
  /** A keyword contains another intent's keyword, so texts with the shorter one may go either way. */
  | "keyword-inside-keyword";

export interface IntentWarning {
  rule: IntentWarningRule;
  intent: string;
  phrase?: string;
  keyword?: string;
  language?: string;
  /** The other intent involved, for the rules that have one. */
  otherIntent?: string;
  otherPhrase?: string;
  otherKeyword?: string;
  /** Plain words for an admin, naming what to change. */
  message: string;
}
