import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { sessions, users } from "../database/schema/index.ts";
import { ApiError } from "../http/errors.ts";
import type { Role } from "../http/scopes.ts";
import { hashPassword, hashToken, newSessionToken, verifyPassword } from "./secrets.ts";

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

export async function createUser(
  executor: Executor,
  organizationId: string,
  input: { email: string; name?: string | undefined; role: Role; password: string },
): Promise<UserSummary> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await executor
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (existing) {
    throw new ApiError(409, "email_taken", `A user with the email ${email} already exists.`, {
      problems: [{ in: "body", path: "/email", code: "unique", message: "is already used by another user" }],
    });
  }
  const [row] = await executor
    .insert(users)
    .values({
      id: randomUUID(),
      organizationId,
      email,
      name: input.name ?? "",
      role: input.role,
      passwordHash: await hashPassword(input.password),
    })
    .returning();
  if (!row) throw new Error("the user was not stored");
  return summary(row);
}

export async function listUsers(executor: Executor, organizationId: string): Promise<UserSummary[]> {
  const rows = await executor
    .select()
    .from(users)
    .where(eq(users.organizationId, organizationId))
    .orderBy(asc(users.email));
  return rows.map(summary);
}

export async function deleteUser(executor: Executor, organizationId: string, id: string): Promise<boolean> {
  const rows = await executor
    .delete(users)
    .where(and(eq(users.id, id), eq(users.organizationId, organizationId)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Checks the password and opens a session. The same answer for an unknown email and a wrong password. */
export async function signIn(
  executor: Executor,
  email: string,
  password: string,
): Promise<{ token: string; user: UserSummary; organizationId: string; expiresAt: Date }> {
  const [row] = await executor
    .select()
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  if (!row || !(await verifyPassword(password, row.passwordHash))) {
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
