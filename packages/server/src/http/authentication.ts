import { and, eq, gt, isNull } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { hashToken } from "../access/secrets.ts";
import type { Database } from "../database/connection.ts";
import { apiKeys, sessions, users } from "../database/schema/index.ts";
import { ApiError } from "./errors.ts";
import { roleScopes, type Scope } from "./scopes.ts";

export const sessionCookie = "parley_session";
/**
 * Requests that change something with a session cookie must carry this header.
 * A page on another site cannot add it without a CORS preflight, which Parley
 * never grants, so together with SameSite=Strict cookies this stops CSRF.
 */
export const csrfHeader = "x-parley-request";

export interface Caller {
  organizationId: string;
  scopes: ReadonlySet<Scope>;
  userId?: string;
  apiKeyId?: string;
}

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** The scope a route needs, or `public` for the few that need no credentials. */
    scope?: Scope | "public";
  }
}

/** Last-used times are written at most this often per key, so reads stay reads. */
const lastUsedPrecisionMilliseconds = 60_000;

async function callerFromApiKey(database: Database, key: string): Promise<Caller | null> {
  const [row] = await database
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashToken(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > lastUsedPrecisionMilliseconds) {
    await database.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
  }
  return { organizationId: row.organizationId, scopes: new Set(row.scopes as Scope[]), apiKeyId: row.id };
}

async function callerFromSession(database: Database, token: string): Promise<Caller | null> {
  const [row] = await database
    .select({ userId: users.id, organizationId: users.organizationId, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  return { organizationId: row.organizationId, scopes: new Set(roleScopes[row.role]), userId: row.userId };
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError(401, "unauthenticated", 'The Authorization header must be "Bearer <API key>".');
  }
  return match[1];
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every /v1 route declares the scope it needs (`config.scope`); a route that
 * forgets is refused at start, so nothing is open by accident.
 */
export function registerAuthentication(app: FastifyInstance, database: Database): void {
  app.decorateRequest("caller", null);
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/v1") && !route.config?.scope) {
      throw new Error(`route ${route.method} ${route.url} declares no scope`);
    }
  });
  app.addHook("onRequest", async (request) => {
    const scope = request.routeOptions.config.scope;
    if (!scope || scope === "public") return;
    const token = bearerToken(request);
    let caller: Caller | null = null;
    if (token) {
      caller = await callerFromApiKey(database, token);
      if (!caller) throw new ApiError(401, "unauthenticated", "The API key is unknown or revoked.");
    } else {
      const sessionToken = request.cookies[sessionCookie];
      if (sessionToken) caller = await callerFromSession(database, sessionToken);
      if (caller && !safeMethods.has(request.method) && request.headers[csrfHeader] !== "1") {
        throw new ApiError(
          403,
          "csrf_header_missing",
          `Requests signed in with a session must send "${csrfHeader}: 1".`,
        );
      }
    }
    if (!caller) {
      throw new ApiError(
        401,
        "unauthenticated",
        'Sign in, or send an API key as "Authorization: Bearer <key>".',
      );
    }
    if (!caller.scopes.has(scope)) {
      throw new ApiError(403, "forbidden", `This needs the scope ${scope}.`);
    }
    request.caller = caller;
  });
}

/** The caller of a route that declared a scope; authentication has already run. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new ApiError(401, "unauthenticated", "Sign in first.");
  return request.caller;
}
