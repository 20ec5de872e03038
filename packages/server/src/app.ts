import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { accessRoutes } from "./access/routes.ts";
import { assistantRoutes } from "./assistants/routes.ts";
import { dataRoutes } from "./data/routes.ts";
import type { DatabaseConnection } from "./database/connection.ts";
import { registerAuthentication } from "./http/authentication.ts";
import { handleError } from "./http/errors.ts";
import { registerOpenApi } from "./http/openapi.ts";
import { rulesRoutes } from "./rules/routes.ts";

/** The default body limit; routes that take assistant definitions say so themselves. */
export const defaultBodyLimit = 256 * 1024;

export interface AppOptions {
  connection: DatabaseConnection;
  logger?: FastifyServerOptions["logger"];
  /** Whether /readyz answers ready; the process flips it off while shutting down. */
  isReady?: () => boolean;
}

/** Builds the HTTP application on an open, migrated database. Listening is the caller's business. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: defaultBodyLimit,
    // Behind a proxy, the proxy's protocol decides whether cookies are Secure.
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: "not_found", message: `No route ${request.method} ${request.url}.` } }),
  );
  await app.register(cookie);
  await registerOpenApi(app);
  registerAuthentication(app, options.connection.database);

  const { database } = options.connection;
  app.get("/healthz", { config: { scope: "public" }, schema: { hide: true } }, async () => ({
    status: "ok",
  }));
  app.get("/readyz", { config: { scope: "public" }, schema: { hide: true } }, async (_request, reply) => {
    if (options.isReady && !options.isReady()) return reply.status(503).send({ status: "shutting down" });
    await options.connection.database.execute("select 1");
    return { status: "ready", database: options.connection.kind };
  });

  await app.register(accessRoutes, { database });
  await app.register(dataRoutes, { database });
  await app.register(assistantRoutes, { database });
  await app.register(rulesRoutes, { database });
  return app;
}
