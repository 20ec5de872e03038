import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { consoleDistributionDirectory } from "@parley/console";
import type { FastifyInstance, FastifyReply } from "fastify";
import { consoleSecurityPolicy } from "../http/security-headers.ts";

const notBuiltPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Parley console</title>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>The console is not built yet</h1>
<p><code>npm start</code> builds it on start. When running the server another way, build it once with
<code>npm run build:console</code>, then reload this page.</p></body></html>`;

/**
 * The admin console at /console (packages/console, built by Vite into its dist/). Hashed assets are
 * cached for good; every other path under /console is a page of the single-page app, so it gets
 * index.html and the app's router picks the page.
 */
export async function registerConsoleRoutes(
  app: FastifyInstance,
  directory = consoleDistributionDirectory,
): Promise<void> {
  const indexPath = join(directory, "index.html");
  const sendIndex = (reply: FastifyReply) => {
    reply.header("content-security-policy", consoleSecurityPolicy).header("cache-control", "no-cache");
    if (!existsSync(indexPath)) return reply.status(503).type("text/html").send(notBuiltPage);
    return reply.type("text/html").send(readFileSync(indexPath));
  };
  const hidden = { config: { scope: "public" as const }, schema: { hide: true } };

  if (existsSync(join(directory, "assets"))) {
    await app.register(fastifyStatic, {
      root: join(directory, "assets"),
      prefix: "/console/assets/",
      decorateReply: false,
      immutable: true,
      maxAge: "365d",
      index: false,
    });
  }
  app.get("/console", hidden, (_request, reply) => sendIndex(reply));
  app.get("/console/*", hidden, (_request, reply) => sendIndex(reply));
  // Where people guess the admin app is.
  for (const guess of ["/admin", "/app"]) {
    app.get(guess, hidden, (_request, reply) => reply.redirect("/console", 302));
  }
}
