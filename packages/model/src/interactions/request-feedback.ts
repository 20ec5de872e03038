import { z } from "zod";
import { DialogReference, Identifier, TextTemplate } from "../identifiers.ts";

/**
 * The three button designs. `thumbs` and `text` offer positive and negative;
 * `emoji` adds a neutral face in the middle.
 */
export const feedbackDesigns = ["thumbs", "emoji", "text"] as const;
export type FeedbackDesign = (typeof feedbackDesigns)[number];
export type FeedbackOutcome = "positive" | "neutral" | "negative";

export const RequestFeedback = z
  .object({
    id: Identifier,
    kind: z.literal("request_feedback"),
    prompt: TextTemplate,
    design: z.enum(feedbackDesigns).default("thumbs"),
    redirects: z.object({
      positive: DialogReference,
      negative: DialogReference,
      /** Only the emoji design has a neutral button; without this it follows `positive`. */
      neutral: DialogReference.optional(),
    }),
  })
  .meta({ id: "RequestFeedback", description: "Asks how the support went and redirects per answer." });
export type RequestFeedback = z.infer<typeof RequestFeedback>;
