import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface SecretKeySource {
  secretKey: string;
  /** Where it came from (PARLEY_SECRET_KEY, or the file's path), for the start-up log. */
  origin: string;
}

/** The file of the embedded database's data directory that holds the generated secret key. */
export const secretKeyFileName = "secret-key";

/**
 * The secret key that encrypts stored credentials: PARLEY_SECRET_KEY when set. Otherwise the
 * embedded database keeps one in its data directory, made at the first start, so `npm start`
 * needs no set-up; it sits beside the data it protects, which is enough for one machine and
 * its backups of the database alone. With PostgreSQL there is none: several servers must share
 * one key, and only the operator can give them the same.
 */
export async function loadSecretKey(settings: {
  secretKey?: string | undefined;
  databaseUrl?: string | undefined;
  dataDirectory: string;
}): Promise<SecretKeySource | null> {
  if (settings.secretKey) return { secretKey: settings.secretKey, origin: "PARLEY_SECRET_KEY" };
  if (settings.databaseUrl || settings.dataDirectory.startsWith("memory://")) return null;
  const file = path.join(settings.dataDirectory, secretKeyFileName);
  try {
    await writeFile(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secretKey = (await readFile(file, "utf8")).trim();
  if (secretKey.length < 32) throw new Error(`${file} holds no secret key of at least 32 characters`);
  return { secretKey, origin: file };
}
