import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pageSchema } from "../data/pagination.ts";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { ErrorBody } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { importArticles } from "./article-import.ts";
import {
  Article,
  ArticleImport,
  ArticleImportResult,
  ArticleInput,
  ArticleListQuery,
  ArticleParameters,
  ArticlePatch,
  ArticleSummary,
  KnowledgeBaseParameters,
} from "./article-schemas.ts";
import { createArticle, deleteArticle, findArticle, listArticles, updateArticle } from "./article-store.ts";
import { knowledgeTags, knowledgeWriteScope } from "./knowledge-base-routes.ts";
import { articleBodyLimitBytes, importBodyLimitBytes, knowledgeLimits } from "./knowledge-limits.ts";

const tags = knowledgeTags;
const collection = "/v1/knowledge-bases/:knowledgeBaseId/articles";
const member = `${collection}/:articleId`;

/** A knowledge base's articles: Markdown or HTML, sanitized when saved, one at a time or imported. */
export const articleRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    collection,
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List a knowledge base's articles by title, without their bodies",
        params: KnowledgeBaseParameters,
        querystring: ArticleListQuery,
        response: { 200: pageSchema(ArticleSummary) },
      },
    },
    async (request) =>
      listArticles(database, callerOf(request).organizationId, request.params.knowledgeBaseId, request.query),
  );

  app.post(
    collection,
    {
      config: { scope: knowledgeWriteScope },
      bodyLimit: articleBodyLimitBytes,
      schema: {
        tags,
        summary: `Create an article (at most ${knowledgeLimits.articlesPerKnowledgeBase} per knowledge base)`,
        params: KnowledgeBaseParameters,
        body: ArticleInput,
        response: { 201: Article, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const article = await database.transaction((transaction) =>
        createArticle(transaction, organizationId, request.params.knowledgeBaseId, request.body),
      );
      return reply.status(201).send(article);
    },
  );

  app.post(
    `${collection}/import`,
    {
      config: { scope: knowledgeWriteScope },
      bodyLimit: importBodyLimitBytes,
      schema: {
        tags,
        summary: `Create or update up to ${knowledgeLimits.articlesPerImport} articles by language and slug, all or none`,
        params: KnowledgeBaseParameters,
        body: ArticleImport,
        response: { 200: ArticleImportResult, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      return database.transaction((transaction) =>
        importArticles(transaction, organizationId, request.params.knowledgeBaseId, request.body.articles),
      );
    },
  );

  app.get(
    member,
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "Get an article with its body, sanitized HTML and plain text",
        params: ArticleParameters,
        response: { 200: Article },
      },
    },
    async (request) => {
      const { knowledgeBaseId, articleId } = request.params;
      return findArticle(database, callerOf(request).organizationId, knowledgeBaseId, articleId);
    },
  );

  app.patch(
    member,
    {
      config: { scope: knowledgeWriteScope },
      bodyLimit: articleBodyLimitBytes,
      schema: {
        tags,
        summary: 'Change an article\'s fields; publishing is `{"status": "published"}`',
        params: ArticleParameters,
        body: ArticlePatch,
        response: { 200: Article, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const { knowledgeBaseId, articleId } = request.params;
      return database.transaction((transaction) =>
        updateArticle(transaction, organizationId, knowledgeBaseId, articleId, request.body),
      );
    },
  );

  app.delete(
    member,
    {
      config: { scope: knowledgeWriteScope },
      schema: { tags, summary: "Delete an article", params: ArticleParameters },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { knowledgeBaseId, articleId } = request.params;
      await database.transaction((transaction) =>
        deleteArticle(transaction, organizationId, knowledgeBaseId, articleId),
      );
      return reply.status(204).send();
    },
  );
};
