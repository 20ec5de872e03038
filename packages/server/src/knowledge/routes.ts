import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../database/connection.ts";
import { articleRoutes } from "./article-routes.ts";
import { helpPageRoutes } from "./help-page-routes.ts";
import { knowledgeBaseRoutes } from "./knowledge-base-routes.ts";

/** Knowledge bases and their articles (API), and the public page of each published public article. */
export const knowledgeRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  for (const routes of [knowledgeBaseRoutes, articleRoutes, helpPageRoutes]) {
    await app.register(routes, { database });
  }
};
