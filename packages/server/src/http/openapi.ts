import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { docsSecurityPolicy } from "./security-headers.ts";

/** The OpenAPI document comes from the routes' Zod schemas; /docs serves it with Swagger UI. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Parley API",
        version: "1",
        description:
          'Authenticate with "Authorization: Bearer <API key>", or with the session cookie from POST /v1/session (then send "x-parley-request: 1" on requests that change something).',
      },
      components: {
        securitySchemes: { apiKey: { type: "http", scheme: "bearer" } },
      },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    // Puts the schemas that have ids (Assistant, Dialog, Channel…) in components.schemas, where the $refs point.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    uiConfig: { docExpansion: "list" },
    staticCSP: docsSecurityPolicy,
  });
}
