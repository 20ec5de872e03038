import { describe, expect, it } from "vitest";
import { CredentialCipher, CredentialUnreadableError, openCredential } from "./credential-cipher.ts";

const cipher = new CredentialCipher("a secret key of at least thirty-two characters");
const context = "ai_settings.api_key 1b5f0c1e-0000-4000-8000-000000000001";

describe("CredentialCipher", () => {
  it("opens what it sealed, and nothing else does", () => {
    const sealed = cipher.seal("sk-live-ünïcode-key", context);
    expect(sealed).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/);
    expect(cipher.open(sealed, context)).toBe("sk-live-ünïcode-key");
    const otherSecret = new CredentialCipher("another secret key of thirty-two characters");
    expect(() => otherSecret.open(sealed, context)).toThrow(CredentialUnreadableError);
    expect(() => cipher.open(sealed, "ai_settings.api_key another-organization")).toThrow(
      CredentialUnreadableError,
    );
  });

  it("refuses a sealed value that was changed or cut", () => {
    const sealed = cipher.seal("sk-live-key", context);
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith("AA") ? "BB" : "AA"}`;
    expect(() => cipher.open(flipped, context)).toThrow(CredentialUnreadableError);
    expect(() => cipher.open("sealed:v1:c2hvcnQ", context)).toThrow(CredentialUnreadableError);
  });

  it("reads a value stored before encryption as it is, with or without a cipher", () => {
    expect(cipher.open("sk-plain-old-key", context)).toBe("sk-plain-old-key");
    expect(openCredential("sk-plain-old-key", context, null)).toBe("sk-plain-old-key");
    expect(() => openCredential(cipher.seal("sk-live-key", context), context, null)).toThrow(
      /no PARLEY_SECRET_KEY/,
    );
  });
});
