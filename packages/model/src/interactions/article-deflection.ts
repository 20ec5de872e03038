import { z } from "zod";
import { DialogReference, Identifier, Label, TextTemplate } from "../identifiers.ts";
import { alwaysWaits, atDialogEnd, automationAssistantTypes, defineInteraction } from "./definition.ts";

const description = "Searches the knowledge base and shares the best articles.";

export const ArticleDeflection = z
  .object({
    id: Identifier,
    kind: z.literal("article_deflection"),
    knowledgeBaseId: z.string().min(1).max(128),
    /** Sent before waiting for the customer's question. */
    prompt: TextTemplate.optional(),
    /** Intents are checked first; a mapped intent redirects before any search. */
    understandIntents: z.boolean().default(false),
    maxArticles: z.number().int().min(1).max(5).default(3),
    foundMessage: TextTemplate.default("These articles might help:"),
    helpedLabel: Label.default("That helped"),
    notHelpedLabel: Label.default("I still need help"),
    redirects: z.object({
      helped: DialogReference,
      notHelped: DialogReference,
      noArticles: DialogReference,
    }),
  })
  .meta({ id: "ArticleDeflection", description });
export type ArticleDeflection = z.infer<typeof ArticleDeflection>;

export const articleDeflectionDefinition = defineInteraction<ArticleDeflection>({
  kind: "article_deflection",
  schema: ArticleDeflection,
  label: "Article deflection",
  alsoKnownAs: [],
  description,
  end: true,
  availability: { channels: ["chat"], assistantTypes: automationAssistantTypes, positions: atDialogEnd },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [
    { path: "knowledgeBaseId", target: "knowledge_base" },
    { path: "redirects.helped", target: "dialog" },
    { path: "redirects.notHelped", target: "dialog" },
    { path: "redirects.noArticles", target: "dialog" },
  ],
  textTemplateFields: ["prompt", "foundMessage"],
  optionIds: [],
  fields: [
    { key: "knowledgeBaseId", label: "Knowledge base", kind: "knowledge_base", required: true },
    { key: "prompt", label: "Message", kind: "text_template", required: false },
    { key: "understandIntents", label: "Understand intents", kind: "boolean", required: false },
    { key: "maxArticles", label: "Most articles shared", kind: "number", required: false },
    { key: "foundMessage", label: "Message before the articles", kind: "text_template", required: false },
    { key: "helpedLabel", label: "Helped button", kind: "label", required: false },
    { key: "notHelpedLabel", label: "Still need help button", kind: "label", required: false },
    { key: "redirects.helped", label: "When an article helped, redirect to", kind: "dialog", required: true },
    {
      key: "redirects.notHelped",
      label: "When the customer still needs help, redirect to",
      kind: "dialog",
      required: true,
    },
    {
      key: "redirects.noArticles",
      label: "When no article is found, redirect to",
      kind: "dialog",
      required: true,
    },
  ],
});
