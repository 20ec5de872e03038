import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../database/connection.ts";
import { aiProfileRoutes } from "./ai-profile-routes.ts";
import { aiSettingsRoutes } from "./ai-settings-routes.ts";

/** How the organization's AI answers are written: the provider settings and the AI profiles. */
export const aiRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  for (const routes of [aiSettingsRoutes, aiProfileRoutes]) await app.register(routes, { database });
};
