import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt parameters (OWASP's minimum for scrypt is N=2^17 with r=8; 2^15 keeps sign-in under ~100 ms here). */
const cost = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

/** A salted scrypt hash, with its parameters, so they can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize("NFKC"), salt, keyLength, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, n, r, p, salt, hash] = stored.split("$");
  if (algorithm !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scryptAsync(password.normalize("NFKC"), Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: cost.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash no password matches, at the current cost. Checking a password against it when there is no
 * such user takes as long as checking a real one, so the answer's time does not tell who has an account.
 */
export const unmatchablePasswordHash = `scrypt$${cost.N}$${cost.r}$${cost.p}$${randomBytes(16).toString("base64")}$${randomBytes(keyLength).toString("base64")}`;

/** API keys and session tokens are random, so a plain SHA-256 finds them without helping an attacker. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newApiKey(): string {
  return `prl_${randomBytes(24).toString("base64url")}`;
}

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A readable password for the bootstrap admin, printed once. */
export function newPassword(): string {
  return randomBytes(18).toString("base64url");
}
