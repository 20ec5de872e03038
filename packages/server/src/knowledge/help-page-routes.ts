import { and, eq } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isUuid } from "../data/identifiers.ts";
import type { Database } from "../database/connection.ts";
import { knowledgeBaseArticles as articles, knowledgeBases } from "../database/schema/index.ts";
import { helpPage, helpPageNotFound, helpPageSecurityPolicy } from "./help-page.ts";
import { slugPattern } from "./slugs.ts";

const languagePattern = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return (
    reply
      .status(status)
      .header("content-type", "text/html; charset=utf-8")
      .header("content-security-policy", helpPageSecurityPolicy)
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "no-referrer")
      // Unpublishing should take effect soon, even behind a shared cache.
      .header("cache-control", status === 200 ? "public, max-age=60" : "no-store")
      .send(html)
  );
}

/**
 * The public page of each published public article (help-page.ts), without credentials. Drafts,
 * internal articles and anything else answer the same 404, so the page reveals nothing about what
 * is not public.
 */
export const helpPageRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/help/:knowledgeBaseId/articles/:slug",
    {
      config: { scope: "public" },
      schema: {
        hide: true,
        // Loose on purpose: a malformed link is a page that does not exist (404), not a bad request.
        params: z.object({ knowledgeBaseId: z.string(), slug: z.string() }),
        querystring: z.object({ language: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const { knowledgeBaseId, slug } = request.params;
      if (!isUuid(knowledgeBaseId) || !slugPattern.test(slug))
        return sendPage(reply, 404, helpPageNotFound());
      const [knowledgeBase] = await database
        .select({ name: knowledgeBases.name, defaultLanguage: knowledgeBases.defaultLanguage })
        .from(knowledgeBases)
        .where(eq(knowledgeBases.id, knowledgeBaseId))
        .limit(1);
      const language = request.query.language?.toLowerCase() ?? knowledgeBase?.defaultLanguage ?? "";
      if (!knowledgeBase || !languagePattern.test(language)) return sendPage(reply, 404, helpPageNotFound());
      const [article] = await database
        .select({
          title: articles.title,
          html: articles.html,
          language: articles.language,
          updatedAt: articles.updatedAt,
        })
        .from(articles)
        .where(
          and(
            eq(articles.knowledgeBaseId, knowledgeBaseId),
            eq(articles.language, language),
            eq(articles.slug, slug),
            eq(articles.status, "published"),
            eq(articles.visibility, "public"),
          ),
        )
        .limit(1);
      if (!article) return sendPage(reply, 404, helpPageNotFound());
      return sendPage(reply, 200, helpPage(knowledgeBase.name, article));
    },
  );
};
