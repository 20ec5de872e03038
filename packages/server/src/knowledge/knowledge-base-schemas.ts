import { z } from "zod";
import { knowledgeLimits } from "./knowledge-limits.ts";

/**
 * A BCP 47 tag as clients write it (`pt-BR`), kept lower-case (`pt-br`) so that languages compare
 * as plain strings everywhere: in filters, in the unique slugs, against a conversation's language.
 */
export const LanguageCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en, es or pt-BR")
  .toLowerCase()
  .meta({ description: "A BCP 47 language tag such as `en`, `es` or `pt-BR`; stored lower-case." });

/** Article links are `<publicUrl>/articles/<slug>`, so neither a query nor a fragment can follow it. */
const PublicUrl = z
  .url({ protocol: /^https?$/, error: "must be an absolute http or https URL" })
  .max(knowledgeLimits.publicUrlLength)
  .refine((url) => !/[?#]/.test(url), "must not have a query or a fragment: article paths are added to it")
  .overwrite((url) => url.replace(/\/+$/, ""))
  .meta({
    description:
      "The public help center's address, such as https://help.example.com; article links are `<publicUrl>/articles/<slug>`. Null: links go to this server's page, `/help/<id>/articles/<slug>`.",
  });

const KnowledgeBaseName = z
  .string()
  .trim()
  .min(1, "is required")
  .max(knowledgeLimits.nameLength, `must be at most ${knowledgeLimits.nameLength} characters`);

export const KnowledgeBaseInput = z
  .strictObject({
    brandId: z.uuid().meta({ description: "A brand of the organization." }),
    name: KnowledgeBaseName.meta({ description: "Unique in the organization, ignoring case." }),
    defaultLanguage: LanguageCode.default("en"),
    publicUrl: PublicUrl.nullable().default(null),
  })
  .meta({ id: "KnowledgeBaseRequest" });
export type KnowledgeBaseInput = z.infer<typeof KnowledgeBaseInput>;

/** Fields left out stay as they are; `publicUrl: null` goes back to the server's own pages. */
export const KnowledgeBasePatch = z
  .strictObject({
    brandId: z.uuid().optional(),
    name: KnowledgeBaseName.optional(),
    defaultLanguage: LanguageCode.optional(),
    publicUrl: PublicUrl.nullable().optional(),
  })
  .meta({ id: "KnowledgeBasePatch" });
export type KnowledgeBasePatch = z.infer<typeof KnowledgeBasePatch>;

export const KnowledgeBaseUser = z
  .object({
    id: z.string(),
    internalName: z.string(),
    /** Whether the draft uses the knowledge base, and whether the live version does. */
    draft: z.boolean(),
    live: z.boolean(),
  })
  .meta({ id: "KnowledgeBaseUser" });
export type KnowledgeBaseUser = z.infer<typeof KnowledgeBaseUser>;

export const ArticleCounts = z
  .object({
    total: z.number().int(),
    published: z.number().int(),
    draft: z.number().int(),
    /** Published and public: the articles customers, article deflection and AI answers can see. */
    publishedPublic: z.number().int(),
  })
  .meta({ id: "KnowledgeBaseArticleCounts" });
export type ArticleCounts = z.infer<typeof ArticleCounts>;

export const KnowledgeBase = z
  .object({
    id: z.string(),
    /** Null once the brand was deleted: the knowledge base and its articles stay. */
    brandId: z.string().nullable(),
    name: z.string(),
    defaultLanguage: z.string(),
    publicUrl: z.string().nullable(),
    revision: z.number().int().meta({
      description:
        "Goes up with every change to the knowledge base or any of its articles; a cache of the articles is stale when it differs.",
    }),
    articleCounts: ArticleCounts,
    usedBy: z.array(KnowledgeBaseUser).meta({
      description:
        "Assistants whose draft or live version has an article deflection or AI response using it.",
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "KnowledgeBase" });
export type KnowledgeBase = z.infer<typeof KnowledgeBase>;
