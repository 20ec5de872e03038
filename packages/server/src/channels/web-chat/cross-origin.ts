import type { FastifyInstance } from "fastify";

/**
 * The widget runs on the shop's own domain and calls these routes from there. They
 * use no cookies (a visitor token travels in a header), so any origin may call them;
 * the rest of the API grants no cross-origin access at all, which is part of its
 * CSRF protection (http/authentication.ts).
 */
export function allowCrossOrigin(app: FastifyInstance, pathPrefix: string): void {
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith(pathPrefix)) return;
    reply.header("access-control-allow-origin", "*");
    reply.header("access-control-expose-headers", "retry-after");
    // Uploaded images are shown in the widget on the shop's page, which is another origin.
    reply.header("cross-origin-resource-policy", "cross-origin");
  });
  app.options(
    `${pathPrefix}*`,
    { config: { scope: "public" }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .status(204)
        .header("access-control-allow-methods", "GET, POST")
        .header("access-control-allow-headers", "content-type, x-parley-visitor-token, x-file-name")
        .header("access-control-max-age", "86400")
        .send(),
  );
}
