import { z } from "zod";
import { DialogReference, Identifier, Label, TextTemplate } from "../identifiers.ts";

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
  .meta({
    id: "ArticleDeflection",
    description: "Searches the knowledge base and shares the best articles.",
  });
export type ArticleDeflection = z.infer<typeof ArticleDeflection>;
