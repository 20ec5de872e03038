import { randomUUID } from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { brokenUniqueConstraint } from "../data/unique-violation.ts";
import type { Executor } from "../database/connection.ts";
import { organizations, sessions, users } from "../database/schema/index.ts";
import { ApiError } from "../http/errors.ts";
import type { Role } from "../http/scopes.ts";
import {
  hashPassword,
  hashToken,
  newSessionToken,
  unmatchablePasswordHash,
  verifyPassword,
} from "./secrets.ts";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

function summary(row: typeof users.$inferSelect): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Sessions last two weeks; signing out ends one sooner. */
export const sessionLifetimeMilliseconds = 14 * 24 * 60 * 60 * 1000;

/** Emails are compared trimmed and lower-cased, for sign-in and for the per-account throttle alike. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function emailTaken(email: string): ApiError {
  return new ApiError(
    409,
    "email_taken",
    `A user with the email ${email} already exists in this organization.`,
    {
      problems: [
        { in: "body", path: "/email", code: "unique", message: "is already used by another user here" },
      ],
    },
  );
}

/**
 * Emails are unique within an organization only, so creating a user says nothing about other
 * organizations' users (docs/decisions/2026-12-07-user-emails.md).
 */
export async function createUser(
  executor: Executor,
  organizationId: string,
  input: { email: string; name?: string | undefined; role: Role; password: string },
): Promise<UserSummary> {
  const email = normalizeEmail(input.email);
  const [existing] = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.email, email)))
    .limit(1);
  if (existing) throw emailTaken(email);
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await executor
      .insert(users)
      .values({
        id: randomUUID(),
        organizationId,
        email,
        name: input.name ?? "",
        role: input.role,
        passwordHash,
      })
      .returning();
    if (!row) throw new Error("the user was not stored");
    return summary(row);
  } catch (error) {
    // The same email created twice at once: the unique index refuses the second.
    if (brokenUniqueConstraint(error) === "users_organization_email_key") throw emailTaken(email);
    throw error;
  }
}

export async function listUsers(executor: Executor, organizationId: string): Promise<UserSummary[]> {
  const rows = await executor
    .select()
    .from(users)
    .where(eq(users.organizationId, organizationId))
    .orderBy(asc(users.email));
  return rows.map(summary);
}

export async function findUser(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<UserSummary | null> {
  const [row] = await executor
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.organizationId, organizationId)))
    .limit(1);
  return row ? summary(row) : null;
}

/**
 * Deletes a user, their sessions, and revokes the API keys they made: directly, or with a key that
 * was itself made by them, at any depth. A key carries the authority of whoever made it, so keys
 * would otherwise outlive the access of someone who has left (docs/api.md, "Who owns an API key").
 */
export async function deleteUser(executor: Executor, organizationId: string, id: string): Promise<boolean> {
  return executor.transaction(async (transaction) => {
    await transaction.execute(sql`
      WITH RECURSIVE made AS (
        SELECT id FROM api_keys WHERE organization_id = ${organizationId} AND created_by = ${id}
        UNION
        SELECT api_keys.id FROM api_keys JOIN made ON api_keys.created_by_api_key = made.id
      )
      UPDATE api_keys SET revoked_at = now()
      WHERE id IN (SELECT id FROM made) AND revoked_at IS NULL`);
    const rows = await transaction
      .delete(users)
      .where(and(eq(users.id, id), eq(users.organizationId, organizationId)))
      .returning({ id: users.id });
    return rows.length > 0;
  });
}

/**
 * Without `organizationId`, a server with one organization signs in to it; with several, the
 * organization must be named, because the same email may belong to a user in each.
 */
async function signInOrganization(
  executor: Executor,
  organizationId: string | undefined,
): Promise<string | null> {
  if (organizationId) return organizationId;
  const [row] = await executor
    .select({ total: count(), first: sql<string>`min(${organizations.id}::text)` })
    .from(organizations);
  if (!row || row.total === 0) return null;
  if (row.total > 1) {
    throw new ApiError(400, "organization_required", "This server has several organizations: name yours.", {
      problems: [
        { in: "body", path: "/organizationId", code: "required", message: "is required on this server" },
      ],
    });
  }
  return row.first;
}

/**
 * Checks the password and opens a session. An unknown email, organization or a wrong password get
 * the same answer, after the same work: a password is always checked, against a hash no password
 * matches when there is no such user.
 */
export async function signIn(
  executor: Executor,
  credentials: { email: string; password: string; organizationId?: string | undefined },
): Promise<{ token: string; user: UserSummary; organizationId: string; expiresAt: Date }> {
  const organizationId = await signInOrganization(executor, credentials.organizationId);
  const [row] = organizationId
    ? await executor
        .select()
        .from(users)
        .where(
          and(eq(users.organizationId, organizationId), eq(users.email, normalizeEmail(credentials.email))),
        )
        .limit(1)
    : [];
  const matches = await verifyPassword(credentials.password, row?.passwordHash ?? unmatchablePasswordHash);
  if (!row || !matches) {
    throw new ApiError(401, "invalid_credentials", "The email or the password is wrong.");
  }
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeMilliseconds);
  await executor
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId: row.id, organizationId: row.organizationId, expiresAt });
  return { token, user: summary(row), organizationId: row.organizationId, expiresAt };
}

export async function signOut(executor: Executor, token: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
