import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { withUniqueFields } from "../data/unique-violation.ts";
import type { Executor } from "../database/connection.ts";
import { knowledgeBaseArticles as articles } from "../database/schema/index.ts";
import type { ProblemDetail } from "../http/errors.ts";
import type { ArticleImportResult, ArticleInput } from "./article-schemas.ts";
import { countArticles, slugUniqueFields } from "./article-store.ts";
import {
  type ArticleRow,
  articleColumns,
  articleLimitReached,
  articleProblems,
  changedArticleValues,
  invalidImport,
  newArticleValues,
  renderedValues,
  slugProblem,
  unchangedArticle,
} from "./article-values.ts";
import { bumpKnowledgeBaseRevision, lockKnowledgeBase } from "./knowledge-base-store.ts";
import { knowledgeLimits } from "./knowledge-limits.ts";
import { slugFromTitle } from "./slugs.ts";

type Action = ArticleImportResult["results"][number]["action"];

/** An article of the request with the key it is matched by. */
interface ImportItem {
  index: number;
  input: ArticleInput;
  language: string;
  slug: string;
}

const keyOf = (language: string, slug: string) => `${language}\n${slug}`;

/**
 * Reads the articles' keys and refuses, all at once, what would stop the import: a body over the
 * limit, or two articles of the request with the same language and slug (the second would
 * silently overwrite the first).
 */
function importItems(inputs: readonly ArticleInput[], defaultLanguage: string): ImportItem[] {
  const problems: ProblemDetail[] = [];
  const firstByKey = new Map<string, number>();
  const items = inputs.map((input, index) => {
    const pointer = `/articles/${index}`;
    problems.push(...articleProblems(input, pointer));
    const language = input.language ?? defaultLanguage;
    const slug = input.slug ?? slugFromTitle(input.title);
    const key = keyOf(language, slug);
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, index);
    } else {
      problems.push(
        slugProblem(
          `${pointer}/${input.slug === undefined ? "title" : "slug"}`,
          "duplicate_in_import",
          `gives the slug ${slug} in ${language}, as article ${first} of this request does: each article is imported once`,
        ),
      );
    }
    return { index, input, language, slug };
  });
  if (problems.length > 0) throw invalidImport(problems);
  return items;
}

async function existingArticles(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
  items: readonly ImportItem[],
): Promise<Map<string, ArticleRow>> {
  const slugs = [...new Set(items.map((item) => item.slug))];
  const rows = await executor
    .select()
    .from(articles)
    .where(
      and(
        eq(articles.organizationId, organizationId),
        eq(articles.knowledgeBaseId, knowledgeBaseId),
        inArray(articles.slug, slugs),
      ),
    );
  return new Map(rows.map((row) => [keyOf(row.language, row.slug), row]));
}

/**
 * Creates or updates up to 500 articles, matched by language and slug (made from the title when
 * not given), in the caller's transaction: any problem refuses the whole request and nothing is
 * written. An article that exists keeps what the import leaves out (its status, say), and one
 * identical to what is stored is not written again, so importing the same files twice changes
 * nothing, not even the revision.
 */
export async function importArticles(
  executor: Executor,
  organizationId: string,
  knowledgeBaseId: string,
  inputs: readonly ArticleInput[],
): Promise<ArticleImportResult> {
  const knowledgeBase = await lockKnowledgeBase(executor, organizationId, knowledgeBaseId);
  const items = importItems(inputs, knowledgeBase.defaultLanguage);
  const existing = await existingArticles(executor, organizationId, knowledgeBaseId, items);

  const newCount = items.filter((item) => !existing.has(keyOf(item.language, item.slug))).length;
  const stored = await countArticles(executor, organizationId, knowledgeBaseId);
  if (stored + newCount > knowledgeLimits.articlesPerKnowledgeBase) {
    throw articleLimitReached(
      "/articles",
      `It has ${stored}, and this import would add ${newCount}. Nothing was imported.`,
    );
  }

  const results: ArticleImportResult["results"] = [];
  const inserts: Array<typeof articles.$inferInsert> = [];
  const counts: Record<Action, number> = { created: 0, updated: 0, unchanged: 0 };
  for (const item of items) {
    const current = existing.get(keyOf(item.language, item.slug));
    let id: string;
    let action: Action;
    if (current) {
      id = current.id;
      const values = renderedValues(
        changedArticleValues(current, { ...item.input, language: item.language, slug: item.slug }),
      );
      action = unchangedArticle(values, current) ? "unchanged" : "updated";
      if (action === "updated") {
        await executor
          .update(articles)
          .set({ ...articleColumns(values, current), updatedAt: new Date() })
          .where(eq(articles.id, current.id));
      }
    } else {
      id = randomUUID();
      action = "created";
      const values = renderedValues(newArticleValues(item.input, knowledgeBase.defaultLanguage, item.slug));
      inserts.push({ id, organizationId, knowledgeBaseId, ...articleColumns(values) });
    }
    counts[action] += 1;
    results.push({ index: item.index, id, slug: item.slug, language: item.language, action });
  }
  if (inserts.length > 0) {
    // The knowledge base is locked, so only a bug could collide here; it would answer 409, not 500.
    await withUniqueFields("article", slugUniqueFields, () => executor.insert(articles).values(inserts));
  }
  if (counts.created + counts.updated > 0) await bumpKnowledgeBaseRevision(executor, knowledgeBaseId);
  return { ...counts, results };
}
