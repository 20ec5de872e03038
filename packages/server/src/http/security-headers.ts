import { createHash } from "node:crypto";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * Security headers by kind of response (docs/security.md). Everything gets the API's policy unless
 * its route says otherwise: JSON runs nothing, loads nothing and is never framed.
 *
 * - `/v1` JSON and everything else: the defaults below.
 * - The demo page (web-chat/widget-routes.ts): `demoPageHelmet`.
 * - `/docs`, Swagger UI (http/openapi.ts): `docsSecurityPolicy`.
 * - Help pages and uploaded files set their own, stricter, policies (knowledge/help-page.ts,
 *   web-chat/file-routes.ts); the web chat routes and the widget script may be loaded from other
 *   origins (web-chat/cross-origin.ts, web-chat/widget-routes.ts).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    // HTTPS ends at the operator's proxy, which knows the domain: a header sent here would also
    // bind every subdomain of a domain this server does not own.
    strictTransportSecurity: false,
  });
}

/** A CSP source that allows exactly this inline script or style. */
export function inlineSource(content: string): string {
  return `'sha256-${createHash("sha256").update(content).digest("base64")}'`;
}

/**
 * The demo page: its own inline scripts by hash, the widget from this server, which talks to this
 * server (fetch and WebSocket) and draws its styles inside a shadow root. Images in messages may
 * come from anywhere, as on a shop's page.
 */
export function demoPageHelmet(inlineScripts: string[]) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScripts.map(inlineSource)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "https:", "http:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  };
}

/**
 * Swagger UI: its scripts from /docs/static, the document and "try it out" from here. It adds a
 * style element of its own as it renders; scripts stay locked to this server, which is what counts.
 */
export const docsSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The console (packages/console): its own scripts only, talking to this server. Mantine sets
 * styles from script, so inline styles are allowed; scripts are not. The preview page frames the
 * widget's demo page from this server.
 */
export const consoleSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
