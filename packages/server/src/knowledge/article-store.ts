import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ilike, ne, sql } from "drizzle-orm";
import { isUuid } from "../data/identifiers.ts";
import { afterName, containsPattern, type Page, toPage } from "../data/pagination.ts";
import { withUniqueFields } from "../data/unique-violation.ts";
import { valueTaken } from "../data/value-taken.ts";
import type { Executor } from "../database/connection.ts";
import { knowledgeBaseArticles as articles } from "../database/schema/index.ts";
import { notFound } from "../http/errors.ts";
import { articleUrl, type LinkedKnowledgeBase } from "./article-links.ts";
import type {
  Article,
  ArticleInput,
  ArticleListQuery,
  ArticlePatch,
  ArticleSummary,
} from "./article-schemas.ts";
import {
  type ArticleRow,
  articleColumns,
  articleLimitReached,
  articleProblems,
  changedArticleValues,
  invalidArticle,
  newArticleValues,
  renderedValues,
} from "./article-values.ts";
import {
  bumpKnowledgeBaseRevision,
  findKnowledgeBaseRow,
  lockKnowledgeBase,
} from "./knowledge-base-store.ts";
import { knowledgeLimits } from "./knowledge-limits.ts";
import { numberedSlug, slugFromTitle } from "./slugs.ts";

/** The columns of a list: everything but the body in its three forms, which can be large. */
const summaryColumns = {
  id: articles.id,
  knowledgeBaseId: articles.knowledgeBaseId,
  title: articles.title,
  slug: articles.slug,
  language: articles.language,
  status: articles.status,
  visibility: articles.visibility,
  bodyFormat: articles.bodyFormat,
  categories: articles.categories,
  publishedAt: articles.publishedAt,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
};
type SummaryRow = Pick<ArticleRow, keyof typeof summaryColumns>;

export function toArticleSummary(row: SummaryRow, knowledgeBase: LinkedKnowledgeBase): ArticleSummary {
  return {
    id: row.id,
    knowledgeBaseId: row.knowledgeBaseId,
    title: row.title,
    slug: row.slug,
    language: row.language,
    status: row.status,
    visibility: row.visibility,
    bodyFormat: row.bodyFormat,
    categories: row.categories,
    url: articleUrl(knowledgeBase, row),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toArticle(row: ArticleRow, knowledgeBase: LinkedKnowledgeBase): Article {
  return { ...toArticleSummary(row, knowledgeBase), body: row.body, html: row.html, text: row.text };
}

/** The constraint behind "unique per knowledge base and language", named as PostgreSQL names it. */
export const slugUniqueFields = { knowledge_base_articles_knowledge_base_id_language_slug_key: "slug" };

const inKnowledgeBase = (organizationId: string, knowledgeBaseId: string) =>
  and(eq(articles.organizationId, organizationId), eq(articles.knowledgeBaseId, knowledgeBaseId));

async function requireKnowledgeBase(executor: Executor, organizationId: string, knowledgeBaseId: string) {
  const knowledgeBase = await findKnowledgeBaseRow(executor, organizationId, knowledgeBaseId);
  if (!knowledgeBase) throw notFound("Knowledge base", knowledgeBaseId);
  return knowledgeBase;
}

/** The articles of a knowledge base by title, filtered, a page at a time; 404 for another's. */
export async function listArticles(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
  query: ArticleListQuery,
): Promise<Page<ArticleSummary>> {
  const knowledgeBase = await requireKnowledgeBase(executor, organizationId, knowledgeBaseId);
  const rows = await executor
    .select(summaryColumns)
    .from(articles)
    .where(
      and(
        inKnowledgeBase(organizationId, knowledgeBaseId),
        query.status ? eq(articles.status, query.status) : undefined,
        query.visibility ? eq(articles.visibility, query.visibility) : undefined,
        query.language ? eq(articles.language, query.language) : undefined,
        query.category
          ? sql`${articles.categories} @> ${JSON.stringify([query.category])}::jsonb`
          : undefined,
        query.search ? ilike(articles.title, containsPattern(query.search)) : undefined,
        afterName(articles.title, articles.id, query.cursor),
      ),
    )
    .orderBy(asc(articles.title), asc(articles.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => [row.title, row.id],
    (row) => toArticleSummary(row, knowledgeBase),
  );
}

async function findArticleRow(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
  articleId: string,
): Promise<ArticleRow> {
  const [row] = isUuid(articleId)
    ? await executor
        .select()
        .from(articles)
        .where(and(inKnowledgeBase(organizationId, knowledgeBaseId), eq(articles.id, articleId)))
        .limit(1)
    : [];
  if (!row) throw notFound("Article", articleId);
  return row;
}

export async function findArticle(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
  articleId: string,
): Promise<Article> {
  const knowledgeBase = await requireKnowledgeBase(executor, organizationId, knowledgeBaseId);
  return toArticle(await findArticleRow(executor, organizationId, knowledgeBaseId, articleId), knowledgeBase);
}

export async function countArticles(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
): Promise<number> {
  const [row] = await executor
    .select({ total: count() })
    .from(articles)
    .where(inKnowledgeBase(organizationId, knowledgeBaseId));
  return row?.total ?? 0;
}

async function slugTaken(
  executor: Executor,
  knowledgeBaseId: string,
  language: string,
  slug: string,
  articleId?: string,
): Promise<boolean> {
  const [taken] = await executor
    .select({ id: articles.id })
    .from(articles)
    .where(
      and(
        eq(articles.knowledgeBaseId, knowledgeBaseId),
        eq(articles.language, language),
        eq(articles.slug, slug),
        articleId ? ne(articles.id, articleId) : undefined,
      ),
    )
    .limit(1);
  return taken !== undefined;
}

/**
 * The title's slug, or the first of "-2", "-3"… still free in that language: two articles may
 * share a title, and whoever gave no slug did not ask to choose one.
 */
async function freeSlugFor(
  executor: Executor,
  knowledgeBaseId: string,
  language: string,
  title: string,
): Promise<string> {
  const base = slugFromTitle(title);
  let candidate = base;
  for (let number = 2; await slugTaken(executor, knowledgeBaseId, language, candidate); number += 1) {
    candidate = numberedSlug(base, number);
  }
  return candidate;
}

export async function createArticle(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
  input: ArticleInput,
): Promise<Article> {
  const knowledgeBase = await lockKnowledgeBase(executor, organizationId, knowledgeBaseId);
  const problems = articleProblems(input);
  if (problems.length > 0) throw invalidArticle(problems);
  if (
    (await countArticles(executor, organizationId, knowledgeBaseId)) >=
    knowledgeLimits.articlesPerKnowledgeBase
  ) {
    throw articleLimitReached("", "Delete some before adding more.");
  }
  const language = input.language ?? knowledgeBase.defaultLanguage;
  let slug = input.slug;
  if (slug === undefined) slug = await freeSlugFor(executor, knowledgeBaseId, language, input.title);
  else if (await slugTaken(executor, knowledgeBaseId, language, slug))
    throw valueTaken("article", "slug", slug);
  const values = renderedValues(newArticleValues(input, knowledgeBase.defaultLanguage, slug));
  const [row] = await withUniqueFields("article", slugUniqueFields, () =>
    executor
      .insert(articles)
      .values({ id: randomUUID(), organizationId, knowledgeBaseId, ...articleColumns(values) })
      .returning(),
  );
  if (!row) throw new Error("the article was not stored");
  await bumpKnowledgeBaseRevision(executor, knowledgeBaseId);
  return toArticle(row, knowledgeBase);
}

/** Changes the fields given; the slug stays unless one is given, so published links keep working. */
export async function updateArticle(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
  articleId: string,
  patch: ArticlePatch,
): Promise<Article> {
  const knowledgeBase = await lockKnowledgeBase(executor, organizationId, knowledgeBaseId);
  const current = await findArticleRow(executor, organizationId, knowledgeBaseId, articleId);
  const problems = articleProblems(patch);
  if (problems.length > 0) throw invalidArticle(problems);
  const values = renderedValues(changedArticleValues(current, patch), current);
  const moved = values.slug !== current.slug || values.language !== current.language;
  if (moved && (await slugTaken(executor, knowledgeBaseId, values.language, values.slug, articleId))) {
    throw valueTaken("article", "slug", values.slug);
  }
  const [row] = await withUniqueFields("article", slugUniqueFields, () =>
    executor
      .update(articles)
      .set({ ...articleColumns(values, current), updatedAt: new Date() })
      .where(and(inKnowledgeBase(organizationId, knowledgeBaseId), eq(articles.id, articleId)))
      .returning(),
  );
  if (!row) throw notFound("Article", articleId);
  await bumpKnowledgeBaseRevision(executor, knowledgeBaseId);
  return toArticle(row, knowledgeBase);
}

export async function deleteArticle(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
  articleId: string,
): Promise<void> {
  await lockKnowledgeBase(executor, organizationId, knowledgeBaseId);
  const deleted = isUuid(articleId)
    ? await executor
        .delete(articles)
        .where(and(inKnowledgeBase(organizationId, knowledgeBaseId), eq(articles.id, articleId)))
        .returning({ id: articles.id })
    : [];
  if (deleted.length === 0) throw notFound("Article", articleId);
  await bumpKnowledgeBaseRevision(executor, knowledgeBaseId);
}
