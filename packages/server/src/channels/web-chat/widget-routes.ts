import { createHash } from "node:crypto";
import { type BuiltWidget, buildWidget } from "@parley/widget";
import { and, asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../../database/connection.ts";
import { brands, organizations } from "../../database/schema/index.ts";
import { demoPageHelmet } from "../../http/security-headers.ts";

/** The brand the first start creates (bootstrap/demo-content.ts), which the demo page chats with. */
const demoBrandName = "Demo Store";

interface ServedWidget {
  code: string;
  etag: string;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] ?? character,
  );
}

async function findDemoBrandId(database: Database): Promise<string | null> {
  const [organization] = await database
    .select({ id: organizations.id })
    .from(organizations)
    .orderBy(asc(organizations.createdAt), asc(organizations.id))
    .limit(1);
  if (!organization) return null;
  const [brand] = await database
    .select({ id: brands.id })
    .from(brands)
    .where(and(eq(brands.organizationId, organization.id), eq(brands.name, demoBrandName)))
    .orderBy(asc(brands.createdAt))
    .limit(1);
  return brand?.id ?? null;
}

/** The demo page's inline scripts, allowed by their hashes (demoPageHelmet). */
const queueScript = "window.Parley = window.Parley || [];";
const openButtonScript =
  'document.getElementById("help").addEventListener("click", function () { window.Parley.push(["open"]); });';

function demoPage(brandId: string | null): string {
  const widget = brandId
    ? `<script>${queueScript}</script>
<script src="/widget.js" data-brand="${escapeHtml(brandId)}" async></script>`
    : "";
  const help = brandId
    ? `<p>Questions about an order? <button type="button" id="help">Chat with us</button></p>
<script>${openButtonScript}</script>`
    : `<p class="missing">The chat is not set up: the first organization has no brand named “${demoBrandName}”.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${demoBrandName} — Parley web chat demo</title>
<style>
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2937;background:#f8fafc}
header{background:#0f172a;color:#fff;padding:16px 24px}
header h1{margin:0;font-size:22px}
main{max-width:880px;margin:0 auto;padding:24px}
.products{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px;list-style:none;padding:0}
.products li{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:16px}
.price{font-weight:700}
.missing{padding:12px;border-radius:8px;background:#fef2f2;color:#991b1b}
footer{max-width:880px;margin:0 auto;padding:24px;color:#475569;font-size:14px}
</style>
</head>
<body>
<header><h1>${demoBrandName}</h1></header>
<main>
<h2>New this week</h2>
<ul class="products">
<li><h3>Canvas tote</h3><p>Sturdy, washable, fits a laptop.</p><p class="price">$24</p></li>
<li><h3>Ceramic mug</h3><p>Hand-glazed, 350 ml.</p><p class="price">$18</p></li>
<li><h3>Wool socks</h3><p>Merino blend, three pairs.</p><p class="price">$21</p></li>
</ul>
${help}
</main>
<footer>A demo shop page served by Parley. The chat button in the corner is the web chat widget, embedded with one script tag.</footer>
${widget}
</body>
</html>
`;
}

/**
 * The widget script and a demo page that embeds it. The script is bundled
 * on first request and kept in memory; its ETag lets browsers revalidate
 * cheaply, since the URL carries no version.
 */
export const widgetRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  let served: Promise<ServedWidget> | null = null;
  const widget = () => {
    served ??= buildWidget().then(
      ({ code }: BuiltWidget) => ({
        code,
        etag: `"${createHash("sha256").update(code).digest("base64url").slice(0, 27)}"`,
      }),
      (error: unknown) => {
        // A failed build is not remembered: the next request tries again.
        served = null;
        throw error;
      },
    );
    return served;
  };

  app.get("/widget.js", { config: { scope: "public" }, schema: { hide: true } }, async (request, reply) => {
    const { code, etag } = await widget();
    reply
      .header("etag", etag)
      .header("cache-control", "public, max-age=300")
      // Shops that isolate their pages (COEP) may still load the script from this origin.
      .header("cross-origin-resource-policy", "cross-origin")
      .header("x-content-type-options", "nosniff");
    if (request.headers["if-none-match"] === etag) return reply.status(304).send();
    return reply.type("application/javascript; charset=utf-8").send(code);
  });

  const demoPageHeaders = demoPageHelmet([queueScript, openButtonScript]);
  app.get(
    "/",
    { config: { scope: "public", helmet: demoPageHeaders }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .header("cache-control", "no-cache")
        .type("text/html; charset=utf-8")
        .send(demoPage(await findDemoBrandId(database))),
  );
};
