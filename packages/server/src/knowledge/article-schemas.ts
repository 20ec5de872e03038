import { z } from "zod";
import { ListQuery } from "../data/pagination.ts";
import { LanguageCode } from "./knowledge-base-schemas.ts";
import { knowledgeLimits } from "./knowledge-limits.ts";
import { slugPattern } from "./slugs.ts";

export const ArticleStatus = z.enum(["draft", "published"]).meta({
  id: "ArticleStatus",
  description: "Only published articles can reach customers.",
});
export const ArticleVisibility = z.enum(["public", "internal"]).meta({
  id: "ArticleVisibility",
  description: "Internal articles are for agents: never served to customers, searched or used in answers.",
});
export const ArticleBodyFormat = z.enum(["markdown", "html"]).meta({ id: "ArticleBodyFormat" });

const Title = z
  .string()
  .trim()
  .min(1, "is required")
  .max(knowledgeLimits.titleLength, `must be at most ${knowledgeLimits.titleLength} characters`);

/**
 * No maximum here: the 200,000 characters are checked after parsing and answer 422 naming the
 * limit, as the product's other limits do; the request's size limit bounds what reaches that check.
 */
const Body = z.string().meta({
  description: `Markdown or HTML (see bodyFormat), at most ${knowledgeLimits.bodyLength} characters. HTML is sanitized when saved; Markdown is rendered to sanitized HTML.`,
});

const Categories = z
  .array(
    z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(knowledgeLimits.categoryLength, `must be at most ${knowledgeLimits.categoryLength} characters`),
  )
  .max(
    knowledgeLimits.categoriesPerArticle,
    `must list at most ${knowledgeLimits.categoriesPerArticle} categories`,
  );

export const Slug = z
  .string()
  .max(knowledgeLimits.slugLength, `must be at most ${knowledgeLimits.slugLength} characters`)
  .regex(slugPattern, "must be lower-case letters and digits joined by single hyphens, such as return-policy")
  .meta({ description: "Unique per knowledge base and language; the last part of the article's link." });

/**
 * The fields of a new article. Left-out fields take their defaults on creation; in an import, an
 * article that already exists keeps its current value for them instead.
 */
const articleFields = {
  title: Title,
  body: Body,
  bodyFormat: ArticleBodyFormat.optional().meta({ description: "Default markdown." }),
  language: LanguageCode.optional().meta({ description: "Default: the knowledge base's default language." }),
  status: ArticleStatus.optional().meta({ description: "Default draft." }),
  visibility: ArticleVisibility.optional().meta({ description: "Default public." }),
  categories: Categories.optional(),
  slug: Slug.optional().meta({ description: "Default: made from the title, such as where-is-my-order." }),
};

export const ArticleInput = z.strictObject(articleFields).meta({ id: "ArticleRequest" });
export type ArticleInput = z.infer<typeof ArticleInput>;

/** Fields left out stay as they are; the slug stays too when the title changes, so links keep working. */
export const ArticlePatch = z
  .strictObject({ ...articleFields, title: Title.optional(), body: Body.optional() })
  .meta({ id: "ArticlePatch" });
export type ArticlePatch = z.infer<typeof ArticlePatch>;

export const ArticleImport = z
  .strictObject({
    articles: z
      .array(ArticleInput)
      .min(1, "must list at least one article")
      .max(
        knowledgeLimits.articlesPerImport,
        `must list at most ${knowledgeLimits.articlesPerImport} articles per request`,
      ),
  })
  .meta({ id: "ArticleImportRequest" });
export type ArticleImport = z.infer<typeof ArticleImport>;

export const ArticleImportResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    /** Articles that matched one already stored field for field: not written again. */
    unchanged: z.number().int(),
    results: z.array(
      z.object({
        index: z.number().int(),
        id: z.string(),
        slug: z.string(),
        language: z.string(),
        action: z.enum(["created", "updated", "unchanged"]),
      }),
    ),
  })
  .meta({ id: "ArticleImportResult" });
export type ArticleImportResult = z.infer<typeof ArticleImportResult>;

export const ArticleSummary = z
  .object({
    id: z.string(),
    knowledgeBaseId: z.string(),
    title: z.string(),
    slug: z.string(),
    language: z.string(),
    status: ArticleStatus,
    visibility: ArticleVisibility,
    bodyFormat: ArticleBodyFormat,
    categories: z.array(z.string()),
    url: z.string().meta({
      description:
        "Where customers read the article once it is published and public: on the knowledge base's publicUrl, else this server's path /help/<knowledgeBaseId>/articles/<slug>.",
    }),
    /** When it was first published; unpublishing keeps it. */
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ArticleSummary" });
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend({
  body: z.string(),
  html: z.string().meta({ description: "The body as sanitized HTML." }),
  text: z.string().meta({
    description: "The body as plain text, paragraphs separated by blank lines: what search and answers read.",
  }),
}).meta({ id: "Article" });
export type Article = z.infer<typeof Article>;

export const ArticleListQuery = ListQuery.extend({
  status: ArticleStatus.optional(),
  visibility: ArticleVisibility.optional(),
  language: LanguageCode.optional(),
  category: z.string().trim().min(1).max(knowledgeLimits.categoryLength).optional(),
  search: z.string().trim().max(200).optional().meta({ description: "Part of the title, ignoring case." }),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuery>;

export const ArticleParameters = z.object({ knowledgeBaseId: z.uuid(), articleId: z.uuid() });
export const KnowledgeBaseParameters = z.object({ knowledgeBaseId: z.uuid() });
