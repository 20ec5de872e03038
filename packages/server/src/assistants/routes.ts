import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../database/connection.ts";
import { assistantCollectionRoutes } from "./collection-routes.ts";
import { draftRoutes } from "./draft-routes.ts";
import { versionRoutes } from "./version-routes.ts";

/** The Assistants API: /v1/assistants and everything under it. */
export const assistantRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  await app.register(assistantCollectionRoutes, { database });
  await app.register(draftRoutes, { database });
  await app.register(versionRoutes, { database });
};
