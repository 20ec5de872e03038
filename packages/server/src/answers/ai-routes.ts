import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { aiProfileRoutes } from "./ai-profile-routes.ts";
import { type AiRouteOptions, aiSettingsRoutes } from "./ai-settings-routes.ts";

/** How the organization's AI answers are written: the provider settings and the AI profiles. */
export const aiRoutes: FastifyPluginAsyncZod<AiRouteOptions> = async (app, options) => {
  await app.register(aiSettingsRoutes, options);
  await app.register(aiProfileRoutes, { database: options.database });
};
