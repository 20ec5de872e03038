import { ApiError, type ProblemDetail } from "../http/errors.ts";
import { type Role, roleScopes, type Scope } from "../http/scopes.ts";

/**
 * A caller may hand out only what it holds. Without this, a key made to manage access alone could
 * mint a key with every scope, or an admin user, and so take every other scope for itself.
 */
export function refuseScopesNotHeld(held: ReadonlySet<Scope>, wanted: readonly Scope[]): void {
  const problems: ProblemDetail[] = [];
  const missing: Scope[] = [];
  wanted.forEach((scope, index) => {
    if (held.has(scope)) return;
    missing.push(scope);
    problems.push({
      in: "body",
      path: `/scopes/${index}`,
      code: "scope_not_held",
      message: `you do not hold ${scope}`,
    });
  });
  if (missing.length === 0) return;
  throw new ApiError(
    403,
    "cannot_grant",
    `You can grant only scopes you hold; you lack ${missing.join(", ")}.`,
    {
      problems,
    },
  );
}

/** The scopes of `role` the caller lacks: a user of that role would have more than the caller. */
function missingScopesOfRole(held: ReadonlySet<Scope>, role: Role): Scope[] {
  return roleScopes[role].filter((scope) => !held.has(scope));
}

/** Creating (or changing to) a role is granting its scopes. */
export function refuseRoleNotHeld(held: ReadonlySet<Scope>, role: Role): void {
  const missing = missingScopesOfRole(held, role);
  if (missing.length === 0) return;
  throw new ApiError(
    403,
    "cannot_grant",
    `You can give only roles whose scopes you hold; the role ${role} needs ${missing.join(", ")}.`,
    {
      problems: [
        { in: "body", path: "/role", code: "scope_not_held", message: `needs ${missing.join(", ")}` },
      ],
    },
  );
}

/**
 * Deleting a user also revokes the keys they made, so a caller with fewer scopes than the user could
 * take an admin's access away; it may manage only users it could have created.
 */
export function refuseManagingRole(held: ReadonlySet<Scope>, role: Role): void {
  const missing = missingScopesOfRole(held, role);
  if (missing.length === 0) return;
  throw new ApiError(
    403,
    "cannot_manage",
    `You can delete only users whose role's scopes you hold; the role ${role} needs ${missing.join(", ")}.`,
  );
}
