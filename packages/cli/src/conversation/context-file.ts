import { FoundObject } from "@parley/engine";
import { BusinessScheduleDefinition } from "@parley/model";
import { z } from "zod";

/**
 * What a conversation run by the CLI knows about the world outside the
 * assistant: the time, the customer's attributes, and canned results for every
 * effect that would need I/O in the server (workflows, the knowledge base, AI
 * answers, objects). Objects are strict so a misspelt key is reported instead
 * of silently doing nothing.
 */
const AttributeScope = z.record(z.string(), z.unknown());

const KeywordList = z
  .array(z.string().trim().min(1, "must not be empty"))
  .min(1, "needs at least one keyword");

/**
 * A custom intent, as an organization defines one (spec 18): keywords, English
 * training phrases or both. A plain keyword list holds keywords of the
 * conversation's language, which keeps contexts written before keywords had
 * languages working; an object gives them by language, as the product stores them.
 */
const ContextIntent = z
  .strictObject({
    intent: z.string().min(1).max(128),
    keywords: z
      .union([KeywordList, z.record(z.string().min(2).max(35), KeywordList)], {
        error: "must be a list of keywords, or lists by language such as { en: [refund], es: [reembolso] }",
      })
      .optional(),
    phrases: z
      .array(z.string().trim().min(1, "must not be empty"))
      .min(1, "needs at least one phrase")
      .optional(),
  })
  .refine((intent) => intent.keywords !== undefined || intent.phrases !== undefined, {
    error: "needs keywords, phrases or both",
  });

const WorkflowResult = z.union(
  [
    z.strictObject({ output: z.record(z.string(), z.unknown()) }),
    z.strictObject({ error: z.string().min(1).max(2000) }),
  ],
  { error: 'must be { output: { ... } } or { error: "..." }' },
);

const ContextArticle = z.strictObject({
  id: z.string().min(1).max(128),
  title: z.string().min(1).max(500),
  url: z.string().min(1).max(2048),
  body: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  /** Without one, the article is found in whatever language the conversation is in. */
  language: z.string().min(2).max(35).optional(),
});

const Citation = z.strictObject({ title: z.string().max(500), url: z.string().max(2048) });

const ContextAnswer = z.strictObject({
  /** Words or phrases that must all appear in the question (as whole words). */
  match: z.array(z.string().trim().min(1, "must not be empty")).min(1, "needs at least one word"),
  text: z.string().min(1).max(20_000),
  citations: z.array(Citation).max(20).default([]),
  answerId: z.string().min(1).max(128).optional(),
});

/** `authenticated`, then one list of objects per Klass name. */
const ContextObjects = z
  .object({ authenticated: z.boolean().optional() })
  .catchall(z.array(FoundObject, { error: "must be a list of objects such as { id, attributes }" }));

export const ConversationContext = z.strictObject({
  /** The virtual clock starts here; ISO 8601 with a time zone offset, such as 2026-03-02T10:00:00Z. */
  now: z.iso
    .datetime({ offset: true, error: "must be an ISO time with an offset, such as 2026-03-02T10:00:00Z" })
    .optional(),
  language: z.string().min(2).max(35).optional(),
  startDialogId: z.string().min(1).max(64).optional(),
  attributes: z
    .strictObject({
      conversation: AttributeScope.optional(),
      customer: AttributeScope.optional(),
      company: AttributeScope.optional(),
      session: AttributeScope.optional(),
    })
    .default({}),
  schedules: z.array(BusinessScheduleDefinition).default([]),
  snippets: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Whether the 26 predefined intents every organization has are detected too (spec 08). */
  predefinedIntents: z.boolean({ error: "must be true or false" }).default(true),
  intents: z.array(ContextIntent).default([]),
  workflows: z.record(z.string(), WorkflowResult).default({}),
  articles: z.array(ContextArticle).default([]),
  answers: z.array(ContextAnswer).default([]),
  objects: ContextObjects.optional(),
});
export type ConversationContext = z.infer<typeof ConversationContext>;
export type ContextArticle = z.infer<typeof ContextArticle>;
export type ContextAnswer = z.infer<typeof ContextAnswer>;
export type ContextIntent = z.infer<typeof ContextIntent>;

/** A context with nothing in it: real time, the assistant's language, no canned results. */
export function emptyContext(): ConversationContext {
  return ConversationContext.parse({});
}
