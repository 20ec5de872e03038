import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../database/connection.ts";
import { brandRoutes } from "./brand-routes.ts";
import { companyRoutes } from "./company-routes.ts";
import { customerRoutes } from "./customer-routes.ts";
import { klassRoutes } from "./klass-routes.ts";
import { objectRoutes } from "./object-routes.ts";
import { scheduleRoutes } from "./schedule-routes.ts";
import { snippetRoutes } from "./snippet-routes.ts";
import { teamRoutes } from "./team-routes.ts";

/** The data assistants act on: organization set-up (brands to snippets) and records (customers to objects). */
export const dataRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  for (const routes of [
    brandRoutes,
    teamRoutes,
    klassRoutes,
    scheduleRoutes,
    snippetRoutes,
    customerRoutes,
    companyRoutes,
    objectRoutes,
  ]) {
    await app.register(routes, { database });
  }
};
