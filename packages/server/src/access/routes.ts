import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Clock } from "pg-boss";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf, csrfHeader, sessionCookie } from "../http/authentication.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { allScopes, roles, type Scope, scopes } from "../http/scopes.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.ts";
import { refuseManagingRole, refuseRoleNotHeld, refuseScopesNotHeld } from "./grants.ts";
import {
  defaultSignInLimits,
  type SignInLimits,
  SignInThrottle,
  tooManyFailedSignIns,
} from "./sign-in-throttle.ts";
import {
  createUser,
  deleteUser,
  findUser,
  listUsers,
  normalizeEmail,
  sessionLifetimeMilliseconds,
  signIn,
  signOut,
} from "./users.ts";

const Id = z.object({ id: z.uuid() });
const UserSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  createdAt: z.string(),
});
const ApiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  keyStart: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdByUserId: z.string().nullable(),
  createdByApiKeyId: z.string().nullable(),
});

export interface AccessOptions {
  database: Database;
  /** Failed sign-ins allowed before lockouts (config.ts); defaults when left out. */
  signInLimits?: SignInLimits | undefined;
  /** The time for sign-in lockouts; tests pass pg-boss's TestClock. */
  clock?: Clock | undefined;
}

/** Sign-in, users and API keys of the caller's organization. */
export const accessRoutes: FastifyPluginAsyncZod<AccessOptions> = async (app, options) => {
  const { database, clock } = options;
  const throttle = new SignInThrottle(database, options.signInLimits ?? defaultSignInLimits, () =>
    clock ? clock.now() : Date.now(),
  );

  app.post(
    "/v1/session",
    {
      config: { scope: "public" },
      schema: {
        tags: ["access"],
        summary:
          "Sign in with email and password; sets the session cookie. Repeated failures lock the account and the address out for a while (429).",
        body: z.object({
          email: z.email().max(320),
          password: z.string().min(1).max(1024),
          organizationId: z.uuid().optional().describe("Required when the server has several organizations"),
        }),
        response: { 200: z.object({ user: UserSummary, organizationId: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const outcome = await throttle.reserve(normalizeEmail(request.body.email), request.ip);
      if (!outcome.allowed) {
        reply.header("retry-after", String(outcome.retryAfterSeconds));
        throw tooManyFailedSignIns(outcome.retryAfterSeconds);
      }
      const session = await signIn(database, request.body);
      await throttle.succeeded(outcome.reservation);
      reply.setCookie(sessionCookie, session.token, {
        httpOnly: true,
        sameSite: "strict",
        secure: request.protocol === "https",
        path: "/",
        maxAge: sessionLifetimeMilliseconds / 1000,
      });
      return {
        user: session.user,
        organizationId: session.organizationId,
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  );

  app.delete(
    "/v1/session",
    { config: { scope: "public" }, schema: { tags: ["access"], summary: "Sign out" } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) {
        if (request.headers[csrfHeader] !== "1") {
          throw new ApiError(403, "csrf_header_missing", `Signing out needs the header "${csrfHeader}: 1".`);
        }
        await signOut(database, token);
      }
      reply.clearCookie(sessionCookie, { path: "/" });
      return reply.status(204).send();
    },
  );

  app.get(
    "/v1/me",
    {
      config: { scope: scopes.read },
      schema: {
        tags: ["access"],
        summary: "Who is calling: organization, scopes, and the user or API key",
        response: {
          200: z.object({
            organizationId: z.string(),
            scopes: z.array(z.string()),
            userId: z.string().nullable(),
            apiKeyId: z.string().nullable(),
            user: UserSummary.nullable().describe("The signed-in user; null for an API key"),
          }),
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const user = caller.userId ? await findUser(database, caller.organizationId, caller.userId) : null;
      return {
        organizationId: caller.organizationId,
        scopes: [...caller.scopes],
        userId: caller.userId ?? null,
        apiKeyId: caller.apiKeyId ?? null,
        user,
      };
    },
  );

  app.get(
    "/v1/users",
    {
      config: { scope: scopes.accessWrite },
      schema: {
        tags: ["access"],
        summary: "List users",
        response: { 200: z.object({ data: z.array(UserSummary) }) },
      },
    },
    async (request) => ({ data: await listUsers(database, callerOf(request).organizationId) }),
  );

  app.post(
    "/v1/users",
    {
      config: { scope: scopes.accessWrite },
      schema: {
        tags: ["access"],
        summary: "Create a user; the caller must hold every scope of the role (403 cannot_grant otherwise)",
        body: z.object({
          email: z.email().max(320),
          name: z.string().max(200).optional(),
          role: z.enum(roles),
          password: z.string().min(12, "must be at least 12 characters").max(1024),
        }),
        response: { 201: UserSummary },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      refuseRoleNotHeld(caller.scopes, request.body.role);
      const user = await createUser(database, caller.organizationId, request.body);
      return reply.status(201).send(user);
    },
  );

  app.delete(
    "/v1/users/:id",
    {
      config: { scope: scopes.accessWrite },
      schema: { tags: ["access"], summary: "Delete a user; the API keys they made are revoked", params: Id },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (caller.userId === request.params.id) {
        throw new ApiError(422, "cannot_delete_self", "You cannot delete the user you are signed in as.");
      }
      const user = await findUser(database, caller.organizationId, request.params.id);
      if (!user) throw notFound("User", request.params.id);
      refuseManagingRole(caller.scopes, user.role);
      if (!(await deleteUser(database, caller.organizationId, request.params.id))) {
        throw notFound("User", request.params.id);
      }
      return reply.status(204).send();
    },
  );

  app.get(
    "/v1/api-keys",
    {
      config: { scope: scopes.accessWrite },
      schema: {
        tags: ["access"],
        summary: "List API keys (never their secrets)",
        response: { 200: z.object({ data: z.array(ApiKeySummary) }) },
      },
    },
    async (request) => ({ data: await listApiKeys(database, callerOf(request).organizationId) }),
  );

  app.post(
    "/v1/api-keys",
    {
      config: { scope: scopes.accessWrite },
      schema: {
        tags: ["access"],
        summary:
          "Create an API key; the key is shown in this response only. The caller must hold every scope it grants (403 cannot_grant otherwise)",
        body: z.object({
          name: z.string().trim().min(1).max(100),
          scopes: z
            .array(z.enum(allScopes as [string, ...string[]]))
            .min(1)
            .max(allScopes.length),
        }),
        response: { 201: z.object({ key: z.string(), apiKey: ApiKeySummary }) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const wanted = request.body.scopes as Scope[];
      refuseScopesNotHeld(caller.scopes, wanted);
      const created = await createApiKey(database, caller.organizationId, {
        name: request.body.name,
        scopes: wanted,
        createdBy: caller.userId,
        createdByApiKey: caller.apiKeyId,
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/v1/api-keys/:id",
    {
      config: { scope: scopes.accessWrite },
      schema: { tags: ["access"], summary: "Revoke an API key", params: Id },
    },
    async (request, reply) => {
      if (!(await revokeApiKey(database, callerOf(request).organizationId, request.params.id))) {
        throw notFound("API key", request.params.id);
      }
      return reply.status(204).send();
    },
  );
};
