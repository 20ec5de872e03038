import { IntentMapping, LanguageTag } from "@parley/model";
import { intentLimits } from "@parley/nlu";
import { z } from "zod";

/**
 * Bounds on the request body only. The product's limits (spec 18: keywords per language, their
 * length, phrases per intent) are checked after parsing and answer 422 naming the limit, as the
 * limit on intents per organization does; see intent-checks.ts.
 */
export const intentBodyLimits = {
  phrases: 300,
  phraseLength: 500,
  keywordsPerLanguageInBody: 100,
  keywordLengthInBody: 200,
  titleLength: 100,
  descriptionLength: 500,
} as const;

export const IntentName = IntentMapping.shape.intent.meta({
  description:
    "The machine name assistants map to a dialog in `intents[]`, such as `cookie_flavors`: lowercase letters, digits, `_`, `.` and `-`, at most 64 characters. Not a predefined intent's name.",
});

const Phrases = z
  .array(
    z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(intentBodyLimits.phraseLength, `must be at most ${intentBodyLimits.phraseLength} characters`),
  )
  .max(intentBodyLimits.phrases, `must list at most ${intentBodyLimits.phrases} phrases`)
  .meta({
    description: `Training phrases, in English (spec 18): none, or at least ${intentLimits.minPhrases} (${intentLimits.recommendedPhrases} or more recommended).`,
  });

const Keywords = z
  .record(
    LanguageTag,
    z
      .array(z.string().trim().max(intentBodyLimits.keywordLengthInBody))
      .max(intentBodyLimits.keywordsPerLanguageInBody),
  )
  .meta({
    description: `Keywords by language tag: up to ${intentLimits.maxKeywordsPerLanguage} per language, each ${intentLimits.minKeywordLength} to ${intentLimits.maxKeywordLength} characters, each in one intent only. A keyword of several words matches only those words in that order.`,
  });

export const IntentInput = z
  .strictObject({
    name: IntentName,
    title: z
      .string()
      .trim()
      .min(1, "is required")
      .max(intentBodyLimits.titleLength, `must be at most ${intentBodyLimits.titleLength} characters`),
    description: z
      .string()
      .trim()
      .max(
        intentBodyLimits.descriptionLength,
        `must be at most ${intentBodyLimits.descriptionLength} characters`,
      )
      .default(""),
    phrases: Phrases.default([]),
    keywords: Keywords.default({}),
  })
  .meta({ id: "IntentRequest" });
export type IntentInput = z.infer<typeof IntentInput>;

export const TrainingStatus = z.enum(["untrained", "training", "trained", "failed"]).meta({
  id: "IntentTrainingStatus",
  description:
    "training: a job will train the model with this version of the intent; trained: detection uses it; failed: see `error`.",
});

export const IntentTraining = z.object({
  status: TrainingStatus,
  error: z.string().nullable(),
  /** When the model last included this intent as it is now. */
  trainedAt: z.string().nullable(),
});

export const IntentUser = z
  .object({
    id: z.string(),
    internalName: z.string(),
    /** Whether the draft maps the intent, and whether the live version does. */
    draft: z.boolean(),
    live: z.boolean(),
  })
  .meta({ id: "IntentUser" });
export type IntentUser = z.infer<typeof IntentUser>;

/**
 * A string rather than an enum: @parley/nlu owns the rules, and a rule it adds must not make
 * answers fail their schema.
 */
const IntentWarningRule = z.string().meta({
  description:
    "phrase-fits-other-intent, phrase-in-two-intents, near-duplicate-phrases, too-few-words, too-few-phrases, keyword-in-two-intents or keyword-inside-keyword (see docs/intents.md)",
});

export const IntentWarning = z
  .object({
    rule: IntentWarningRule,
    intent: z.string(),
    phrase: z.string().optional(),
    keyword: z.string().optional(),
    language: z.string().optional(),
    otherIntent: z.string().optional(),
    otherPhrase: z.string().optional(),
    otherKeyword: z.string().optional(),
    message: z.string(),
  })
  .meta({ id: "IntentWarning" });

export const Intent = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string(),
    description: z.string(),
    phrases: z.array(z.string()),
    keywords: z.record(z.string(), z.array(z.string())),
    /** The languages with keywords (spec 08: "the number of actively detected languages"). */
    keywordLanguages: z.array(z.string()),
    training: IntentTraining,
    /** Assistants whose draft or live version maps this intent to a dialog. */
    usedBy: z.array(IntentUser),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Intent" });
export type Intent = z.infer<typeof Intent>;

export const IntentWithWarnings = Intent.extend({
  warnings: z.array(IntentWarning).meta({
    description:
      "Quality warnings about this intent (spec 15): its own phrases at once, and how it fares against the other intents as of the last training.",
  }),
}).meta({ id: "IntentWithWarnings" });
export type IntentWithWarnings = z.infer<typeof IntentWithWarnings>;

export const PredefinedIntent = z
  .object({ name: z.string(), title: z.string(), description: z.string(), example: z.string() })
  .meta({ id: "PredefinedIntent" });

export const IntentReview = z
  .object({
    warnings: z.array(IntentWarning),
    /** When the warnings were computed: with the organization's last training. Null before the first. */
    reviewedAt: z.string().nullable(),
    /** Some intents are waiting for training, so the warnings may not reflect them yet. */
    pending: z.boolean(),
  })
  .meta({ id: "IntentReview" });
export type IntentReview = z.infer<typeof IntentReview>;
