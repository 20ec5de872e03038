import { z } from "zod";
import { DialogReference, Identifier, TextTemplate } from "../identifiers.ts";
import { alwaysWaits, atDialogEnd, automationAssistantTypes, defineInteraction } from "./definition.ts";

/**
 * The three button designs. `thumbs` and `text` offer positive and negative;
 * `emoji` adds a neutral face in the middle.
 */
export const feedbackDesigns = ["thumbs", "emoji", "text"] as const;
export type FeedbackDesign = (typeof feedbackDesigns)[number];
export type FeedbackOutcome = "positive" | "neutral" | "negative";

const description = "Asks how the support went and redirects per answer.";

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
  .meta({ id: "RequestFeedback", description });
export type RequestFeedback = z.infer<typeof RequestFeedback>;

export const requestFeedbackDefinition = defineInteraction<RequestFeedback>({
  kind: "request_feedback",
  schema: RequestFeedback,
  label: "Request feedback",
  alsoKnownAs: [],
  description,
  end: true,
  availability: {
    channels: ["chat", "whatsapp"],
    assistantTypes: automationAssistantTypes,
    positions: atDialogEnd,
  },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [
    { path: "redirects.positive", target: "dialog" },
    { path: "redirects.negative", target: "dialog" },
    { path: "redirects.neutral", target: "dialog" },
  ],
  textTemplateFields: ["prompt"],
  optionIds: [],
  fields: [
    { key: "prompt", label: "Message", kind: "text_template", required: true },
    { key: "design", label: "Button design", kind: "choice", required: false, choices: feedbackDesigns },
    {
      key: "redirects.positive",
      label: "After positive feedback, redirect to",
      kind: "dialog",
      required: true,
    },
    {
      key: "redirects.negative",
      label: "After negative feedback, redirect to",
      kind: "dialog",
      required: true,
    },
    {
      key: "redirects.neutral",
      label: "After neutral feedback, redirect to",
      kind: "dialog",
      required: false,
      description: "Emoji design only; without it, neutral feedback follows the positive redirect.",
    },
  ],
});
