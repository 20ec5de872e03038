import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "../database/connection.ts";
import { signInThrottles } from "../database/schema/index.ts";
import { ApiError } from "../http/errors.ts";
import { hashToken } from "./secrets.ts";

/** How many failed sign-ins are allowed before a lockout (config.ts names the settings). */
export interface SignInLimits {
  /** Per account (the normalized email), whatever address the attempts come from. */
  failuresPerAccount: number;
  /** Per client address, whatever accounts it tries: larger, since offices share one address. */
  failuresPerAddress: number;
}

export const defaultSignInLimits: SignInLimits = { failuresPerAccount: 5, failuresPerAddress: 50 };

/** Failures are forgotten this long after the last one, or after the lockout ends. */
const forgetAfterMilliseconds = 15 * 60_000;
/** The first lockout; each failure after it doubles the next one, up to the longest. */
const firstLockoutMilliseconds = 60_000;
const longestLockoutMilliseconds = 15 * 60_000;

/** An attempt allowed to check its password, already counted as a failure until it succeeds. */
export interface SignInReservation {
  accountKey: string;
  addressKey: string;
}

export type ReserveOutcome =
  | { allowed: true; reservation: SignInReservation }
  | { allowed: false; retryAfterSeconds: number };

/** The answer to an attempt while its account or address is locked out; the route adds Retry-After. */
export function tooManyFailedSignIns(retryAfterSeconds: number): ApiError {
  const wait = `try again in ${retryAfterSeconds} seconds`;
  return new ApiError(429, "rate_limited", `Too many failed sign-ins: ${wait}.`, {
    problems: [{ path: "", code: "rate_limited", message: `too many failed sign-ins; ${wait}` }],
  });
}

type Row = typeof signInThrottles.$inferSelect;

/** Thrown inside the transaction so nothing the refused attempt wrote is kept. */
class LockedOut extends Error {
  readonly until: Date;
  constructor(until: Date) {
    super("locked out");
    this.until = until;
  }
}

/**
 * Counts failed sign-ins in the database, so every process sharing it sees the same counts and
 * lockouts. Each attempt is counted before its password is checked, under the rows' locks: many
 * attempts sent at once cannot all slip in before the first failure is written.
 */
export class SignInThrottle {
  private readonly database: Database;
  private readonly limits: SignInLimits;
  private readonly now: () => number;

  constructor(database: Database, limits: SignInLimits, now: () => number) {
    this.database = database;
    this.limits = limits;
    this.now = now;
  }

  async reserve(email: string, address: string): Promise<ReserveOutcome> {
    const now = new Date(this.now());
    // Rows an attempt holds are skipped rather than waited for: waiting could deadlock with it.
    await this.database.execute(sql`
      DELETE FROM sign_in_throttles WHERE key IN (
        SELECT key FROM sign_in_throttles WHERE expires_at < ${now.toISOString()}::timestamptz FOR UPDATE SKIP LOCKED)`);
    const reservation = {
      accountKey: hashToken(`account:${email}`),
      addressKey: hashToken(`address:${address}`),
    };
    try {
      await this.database.transaction(async (transaction) => {
        // Always the address first, then the account: two attempts lock rows in the same order.
        await this.count(transaction, reservation.addressKey, this.limits.failuresPerAddress, now);
        await this.count(transaction, reservation.accountKey, this.limits.failuresPerAccount, now);
      });
    } catch (error) {
      if (!(error instanceof LockedOut)) throw error;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((error.until.getTime() - now.getTime()) / 1000)),
      };
    }
    return { allowed: true, reservation };
  }

  /** The password was right: the account starts afresh, and the address gets its attempt back. */
  async succeeded(reservation: SignInReservation): Promise<void> {
    await this.database.delete(signInThrottles).where(eq(signInThrottles.key, reservation.accountKey));
    await this.database
      .update(signInThrottles)
      .set({
        failures: sql`greatest(${signInThrottles.failures} - 1, 0)`,
        lockedUntil: sql`case when ${signInThrottles.failures} - 1 < ${this.limits.failuresPerAddress} then null else ${signInThrottles.lockedUntil} end`,
      })
      .where(eq(signInThrottles.key, reservation.addressKey));
  }

  private async count(transaction: Transaction, key: string, limit: number, now: Date): Promise<void> {
    // An upsert that changes nothing still locks the row until the transaction ends.
    const [row] = await transaction
      .insert(signInThrottles)
      .values({ key, failures: 0, lastFailureAt: now, expiresAt: now })
      .onConflictDoUpdate({ target: signInThrottles.key, set: { key: sql`excluded.key` } })
      .returning();
    if (!row) throw new Error("the sign-in throttle row was not stored");
    if (row.lockedUntil && row.lockedUntil > now) throw new LockedOut(row.lockedUntil);
    const failures = (isForgotten(row, now) ? 0 : row.failures) + 1;
    const lockedUntil =
      failures >= limit ? new Date(now.getTime() + lockoutMilliseconds(failures - limit)) : null;
    const lastMoment = Math.max(now.getTime(), lockedUntil?.getTime() ?? 0);
    await transaction
      .update(signInThrottles)
      .set({
        failures,
        lastFailureAt: now,
        lockedUntil,
        expiresAt: new Date(lastMoment + forgetAfterMilliseconds),
      })
      .where(eq(signInThrottles.key, key));
  }
}

function isForgotten(row: Row, now: Date): boolean {
  return row.expiresAt <= now;
}

/** 1 minute at the limit, then 2, 4, 8, at most 15: guessing slows to a few attempts an hour. */
function lockoutMilliseconds(failuresOverLimit: number): number {
  return Math.min(
    longestLockoutMilliseconds,
    firstLockoutMilliseconds * 2 ** Math.min(failuresOverLimit, 20),
  );
}
