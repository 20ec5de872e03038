import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** Sealed values start with this; anything else was stored before Parley encrypted credentials. */
export const sealedPrefix = "sealed:v1:";
const nonceLength = 12;
const tagLength = 16;

/** A stored credential this server cannot decrypt: another secret key sealed it, or none is set. */
export class CredentialUnreadableError extends Error {
  override name = "CredentialUnreadableError";
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(sealedPrefix);
}

/**
 * Encrypts the credentials Parley keeps for organizations (the API keys of their language models)
 * with AES-256-GCM, under a key derived from the server's secret key (PARLEY_SECRET_KEY). Each
 * value is bound to where it belongs (`context`: its column and organization), so a sealed key
 * copied to another organization's row does not open there.
 */
export class CredentialCipher {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = Buffer.from(hkdfSync("sha256", secretKey, "parley", "stored credentials", 32));
  }

  seal(plain: string, context: string): string {
    const nonce = randomBytes(nonceLength);
    const cipher = createCipheriv("aes-256-gcm", this.key, nonce, { authTagLength: tagLength });
    cipher.setAAD(Buffer.from(context));
    const encrypted = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `${sealedPrefix}${Buffer.concat([nonce, encrypted, cipher.getAuthTag()]).toString("base64url")}`;
  }

  /** The plain value; a value stored before encryption comes back as it is. */
  open(stored: string, context: string): string {
    if (!isSealed(stored)) return stored;
    const bytes = Buffer.from(stored.slice(sealedPrefix.length), "base64url");
    if (bytes.length < nonceLength + tagLength) throw unreadable();
    const decipher = createDecipheriv("aes-256-gcm", this.key, bytes.subarray(0, nonceLength), {
      authTagLength: tagLength,
    });
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - tagLength));
    try {
      return Buffer.concat([
        decipher.update(bytes.subarray(nonceLength, bytes.length - tagLength)),
        decipher.final(),
      ]).toString("utf8");
    } catch {
      throw unreadable();
    }
  }
}

function unreadable(): CredentialUnreadableError {
  return new CredentialUnreadableError(
    "the stored credential cannot be decrypted: it was encrypted with another PARLEY_SECRET_KEY (or changed in the database); save it again",
  );
}

/** Opens a stored value with the server's cipher, if it has one. */
export function openCredential(stored: string, context: string, cipher: CredentialCipher | null): string {
  if (!isSealed(stored)) return stored;
  if (!cipher) {
    throw new CredentialUnreadableError(
      "the stored credential is encrypted, and this server has no PARLEY_SECRET_KEY to decrypt it",
    );
  }
  return cipher.open(stored, context);
}
