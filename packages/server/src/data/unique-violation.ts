import { valueTaken } from "./value-taken.ts";

/**
 * The name of the unique constraint a failed statement broke, or null for any other error.
 * Drizzle wraps driver errors, and the two drivers shape theirs alike, so this walks the causes.
 */
export function brokenUniqueConstraint(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === "23505")
      return typeof candidate.constraint === "string" ? candidate.constraint : "";
    current = candidate.cause;
  }
  return null;
}

/**
 * Runs a write whose unique values were checked beforehand without a lock (updates by id): when a
 * concurrent write took a value in between, the unique index refuses it and the caller gets the
 * same 409 the check gives, not a 500.
 */
export async function withUniqueFields<T>(
  record: string,
  fieldByConstraint: Record<string, string>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = brokenUniqueConstraint(error);
    const field = constraint === null ? undefined : fieldByConstraint[constraint];
    if (field !== undefined) throw valueTaken(record, field);
    throw error;
  }
}
