import { z } from "zod";
import { LanguageTag } from "../channels.ts";
import { Identifier, Label, TextTemplate } from "../identifiers.ts";

export const CollectLanguagePreference = z
  .object({
    id: Identifier,
    kind: z.literal("collect_language_preference"),
    prompt: TextTemplate,
    options: z
      .array(
        z.object({
          digits: z.string().regex(/^[0-9]$/, "must be one keypad digit"),
          language: LanguageTag,
          label: Label,
        }),
      )
      .min(2, "needs at least two languages")
      .max(9),
  })
  .meta({
    id: "CollectLanguagePreference",
    description: "Voice: lets the caller choose the conversation's language.",
  });
export type CollectLanguagePreference = z.infer<typeof CollectLanguagePreference>;
