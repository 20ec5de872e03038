import { and, asc, eq } from "drizzle-orm";
import { isUuid } from "../data/identifiers.ts";
import type { Executor } from "../database/connection.ts";
import { knowledgeBaseArticles as articles, knowledgeBases } from "../database/schema/index.ts";
import { articleUrl } from "./article-links.ts";

/**
 * What customers may be shown of a knowledge base, for article deflection and AI answers: the
 * published public articles, as plain text with their links. Nothing else of the knowledge base
 * ever leaves through here.
 */
export interface PublishedArticle {
  id: string;
  title: string;
  /** Paragraphs separated by blank lines (html-text.ts). */
  text: string;
  language: string;
  slug: string;
  url: string;
  categories: string[];
  updatedAt: string;
}

/**
 * The published public articles of the organization's knowledge base, by language then title;
 * none when the knowledge base is not the organization's (assistants name knowledge bases by any
 * string, so the id may not even be a uuid). `language` keeps one language only (a lower-case tag);
 * `serverUrl` makes the links to this server's pages absolute.
 *
 * A cache should read knowledgeBaseRevision before this: an article saved in between then makes
 * the cache reload once more, never miss the change.
 */
export async function publishedPublicArticles(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
  options: { language?: string; serverUrl?: string } = {},
): Promise<PublishedArticle[]> {
  if (!isUuid(knowledgeBaseId)) return [];
  const [knowledgeBase] = await executor
    .select({
      id: knowledgeBases.id,
      publicUrl: knowledgeBases.publicUrl,
      defaultLanguage: knowledgeBases.defaultLanguage,
    })
    .from(knowledgeBases)
    .where(and(eq(knowledgeBases.organizationId, organizationId), eq(knowledgeBases.id, knowledgeBaseId)))
    .limit(1);
  if (!knowledgeBase) return [];
  const rows = await executor
    .select({
      id: articles.id,
      title: articles.title,
      text: articles.text,
      language: articles.language,
      slug: articles.slug,
      categories: articles.categories,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(
      and(
        eq(articles.organizationId, organizationId),
        eq(articles.knowledgeBaseId, knowledgeBaseId),
        eq(articles.status, "published"),
        eq(articles.visibility, "public"),
        options.language === undefined ? undefined : eq(articles.language, options.language.toLowerCase()),
      ),
    )
    .orderBy(asc(articles.language), asc(articles.title), asc(articles.id));
  return rows.map((row) => ({
    ...row,
    url: articleUrl(knowledgeBase, row, options.serverUrl),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** The knowledge base's revision (see the migration); null when it is not the organization's. */
export async function knowledgeBaseRevision(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
): Promise<number | null> {
  if (!isUuid(knowledgeBaseId)) return null;
  const [row] = await executor
    .select({ revision: knowledgeBases.revision })
    .from(knowledgeBases)
    .where(and(eq(knowledgeBases.organizationId, organizationId), eq(knowledgeBases.id, knowledgeBaseId)))
    .limit(1);
  return row?.revision ?? null;
}

/** Every knowledge base of the organization with its revision, for checking many caches at once. */
export async function listKnowledgeBaseRevisions(
  executor: Executor,
  organizationId: string,
): Promise<Array<{ id: string; revision: number }>> {
  return executor
    .select({ id: knowledgeBases.id, revision: knowledgeBases.revision })
    .from(knowledgeBases)
    .where(eq(knowledgeBases.organizationId, organizationId))
    .orderBy(asc(knowledgeBases.id));
}
