import { z } from "zod";

// The one contract for what a conversation's transcript holds: the engine sends these, the
// server stores and serves them (its OpenAPI document is generated from these schemas), the
// widget and the CLI show them. This file imports nothing but zod, so the widget can take its
// types (`import type … from "@parley/engine/messages"`) without type-checking the engine.
// The engine never parses its own messages: the schemas describe, the types constrain.

/** One option of a choice: a button, a list row, a card, a feedback button. */
export const ChoiceOptionSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string().optional(),
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

/** An article found in the knowledge base, as shown to the customer. */
export const ArticleReference = z.object({
  id: z.string().min(1).max(128),
  title: z.string().max(500),
  url: z.string().max(2048),
  snippet: z.string().max(2000).optional(),
});
export type ArticleReference = z.infer<typeof ArticleReference>;

/** A generated answer: `found` is false when the knowledge base had nothing relevant. */
export const AiAnswer = z.object({
  found: z.boolean(),
  text: z.string().max(20_000),
  citations: z
    .array(z.object({ title: z.string().max(500), url: z.string().max(2048) }))
    .max(20)
    .default([]),
  answerId: z.string().max(128).optional(),
});
export type AiAnswer = z.infer<typeof AiAnswer>;

/** A file by its address: one the assistant sends, or one the customer attached. */
export const AttachmentReferenceSchema = z.object({
  url: z.string(),
  mediaType: z.string(),
  name: z.string().optional(),
});
export type AttachmentReference = z.infer<typeof AttachmentReferenceSchema>;

const TextMessage = z.object({ kind: z.literal("text"), text: z.string() });

/** A file the assistant sends. The customer's attachments are a list: `CustomerAttachmentsSchema`. */
export const AttachmentMessageSchema = z
  .object({
    kind: z.literal("attachment"),
    attachment: AttachmentReferenceSchema,
    caption: z.string().optional(),
  })
  .describe("A file, with an optional caption.");

/**
 * What the customer sees or hears. On text-only channels the engine has already
 * turned choices into numbered `text`, so a channel adapter never has to.
 */
export const OutboundMessageSchema = z.discriminatedUnion("kind", [
  TextMessage.describe("Text."),
  AttachmentMessageSchema,
  z
    .object({ kind: z.literal("buttons"), text: z.string(), options: z.array(ChoiceOptionSchema) })
    .describe("A question with a button per option; the customer answers with an option's id."),
  z
    .object({
      kind: z.literal("list"),
      text: z.string(),
      buttonLabel: z.string(),
      options: z.array(ChoiceOptionSchema),
    })
    .describe("A question whose options open from a button labelled `buttonLabel`."),
  z
    .object({
      kind: z.literal("cards"),
      text: z.string(),
      cards: z.array(ChoiceOptionSchema.extend({ imageUrl: z.string().optional() })),
    })
    .describe("Options shown as cards, each with an optional image."),
  z
    .object({
      kind: z.literal("articles"),
      text: z.string(),
      articles: z.array(ArticleReference),
      options: z.array(ChoiceOptionSchema),
    })
    .describe("Knowledge base articles, and options to say whether they helped."),
  z
    .object({ kind: z.literal("answer"), answer: AiAnswer })
    .describe("An AI answer with the sources it cites."),
  z
    .object({
      kind: z.literal("feedback"),
      text: z.string(),
      design: z.enum(["thumbs", "emoji", "text"]),
      options: z.array(ChoiceOptionSchema),
    })
    .describe("A request for feedback, its options drawn as `design` says."),
  z
    .object({ kind: z.literal("voice.say"), text: z.string(), audioUrl: z.string().optional() })
    .describe("Voice: speak text, or play an audio file."),
  z
    .object({
      kind: z.literal("voice.gather"),
      prompt: z.string(),
      mode: z.enum(["digits", "speech", "digits_or_speech"]),
      maxDigits: z.number().int().optional(),
    })
    .describe("Voice: listen for keypad digits and/or speech after the prompt."),
  z
    .object({ kind: z.literal("voice.record"), prompt: z.string(), maxSeconds: z.number().int() })
    .describe("Voice: record a voicemail."),
]);
export type OutboundMessage = z.infer<typeof OutboundMessageSchema>;
export type OutboundMessageKind = OutboundMessage["kind"];

/** Files the customer attached, up to ten at once. */
export const CustomerAttachmentsSchema = z
  .object({ kind: z.literal("attachment"), attachments: z.array(AttachmentReferenceSchema) })
  .describe("Files the customer attached.");

/** What the customer sent, as the transcript keeps it (an agent's reply is a `text` too). */
export const CustomerMessageBodySchema = z.union([
  TextMessage.extend({ digits: z.string().optional() }).describe(
    "Typed or spoken text; on a voice call, `digits` holds the keys the caller pressed.",
  ),
  z
    .object({ kind: z.literal("choice"), optionId: z.string(), label: z.string() })
    .describe("An option the customer picked, with its label as offered (its id when that was not found)."),
  CustomerAttachmentsSchema,
]);
export type CustomerMessageBody = z.infer<typeof CustomerMessageBodySchema>;

/** Something that happened to the conversation, shown in its transcript (a transfer to agents). */
export const EventMessageBodySchema = z
  .object({ kind: z.literal("event"), event: z.enum(["transferred"]), text: z.string() })
  .describe("Something that happened to the conversation, in words the transcript can show.");
export type EventMessageBody = z.infer<typeof EventMessageBodySchema>;

/**
 * The body of any transcript message: the assistant's outbound messages, the customer's and
 * agents' words, and system events. `text` and `attachment` are kinds of both the assistant
 * and the customer, with different fields (`attachment` against `attachments`).
 */
export const TranscriptMessageBodySchema = z.union([
  ...OutboundMessageSchema.options,
  ...CustomerMessageBodySchema.options,
  EventMessageBodySchema,
]);
export type TranscriptMessageBody = z.infer<typeof TranscriptMessageBodySchema>;
export type TranscriptMessageKind = TranscriptMessageBody["kind"];
