import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testCredentialCipher,
  testDatabases,
} from "../../test/test-server.ts";
import { CredentialCipher } from "../credentials/credential-cipher.ts";
import { aiSettings } from "../database/schema/index.ts";
import { problemsOf } from "../knowledge/knowledge-test-support.ts";
import { findAiSettingsRow, sealPlainApiKeys } from "./ai-settings-store.ts";
import { OrganizationAnswerers } from "./organization-answerers.ts";

const apiKey = "sk-proj-stored-key-test-0123456789-LAST";
const languageModel = { provider: "openai-compatible", baseUrl: "https://models.example/v1", model: "m1" };

describe.each(testDatabases)("API keys at rest on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Store");
  }, 60_000);
  afterAll(() => server?.close());

  const put = (key: string, payload: Record<string, unknown>) =>
    server.request(key, { method: "PUT", url: "/v1/ai/settings", payload });
  const storedKey = async (organizationId: string) =>
    (await findAiSettingsRow(server.connection.database, organizationId))?.apiKey;

  it("stores the key encrypted, and bound to its organization", async () => {
    const saved = await put(organization.adminKey, { ...languageModel, apiKey });
    expect(saved.json()).toMatchObject({ apiKeySet: true, apiKeyLast4: "LAST" });
    const stored = await storedKey(organization.id);
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain(apiKey.slice(-8));
    // The same key saved twice is sealed differently: nothing in the table tells equal keys apart.
    await put(organization.adminKey, { ...languageModel, apiKey });
    expect(await storedKey(organization.id)).not.toBe(stored);

    // Copied into another organization's row, the sealed key opens for neither its answers nor its settings.
    const other = await server.organization("Other");
    await put(other.adminKey, { ...languageModel, apiKey: "sk-other-organization-key-000000" });
    await server.connection.database
      .update(aiSettings)
      .set({ apiKey: await storedKey(organization.id) })
      .where(eq(aiSettings.organizationId, other.id));
    const theirs = await server.request(other.adminKey, { method: "GET", url: "/v1/ai/settings" });
    expect(theirs.json()).toMatchObject({ apiKeySet: true, apiKeyLast4: null });
    const answerers = new OrganizationAnswerers(server.connection.database, testCredentialCipher, fetch);
    await expect(answerers.setup(other.id)).rejects.toThrow(/cannot be decrypted/);
    await expect(answerers.setup(organization.id)).resolves.toMatchObject({ provider: { name: "m1" } });
  });

  it("tells answers why a key sealed with another secret key cannot be used", async () => {
    await put(organization.adminKey, { ...languageModel, apiKey });
    const elsewhere = new OrganizationAnswerers(
      server.connection.database,
      new CredentialCipher("another server's secret key, 32 characters or more"),
      fetch,
    );
    await expect(elsewhere.setup(organization.id)).rejects.toThrow(
      "the stored credential cannot be decrypted: it was encrypted with another PARLEY_SECRET_KEY (or changed in the database); save it again",
    );
    const withoutKey = new OrganizationAnswerers(server.connection.database, null, fetch);
    await expect(withoutKey.setup(organization.id)).rejects.toThrow(/no PARLEY_SECRET_KEY to decrypt it/);
  });

  it("encrypts keys stored before encryption, which then read the same", async () => {
    await put(organization.adminKey, { ...languageModel, apiKey });
    await server.connection.database
      .update(aiSettings)
      .set({ apiKey })
      .where(eq(aiSettings.organizationId, organization.id));
    const before = await server.request(organization.adminKey, { method: "GET", url: "/v1/ai/settings" });
    expect(before.json()).toMatchObject({ apiKeyLast4: "LAST" });

    expect(await sealPlainApiKeys(server.connection.database, testCredentialCipher)).toBeGreaterThanOrEqual(
      1,
    );
    expect(await storedKey(organization.id)).toMatch(/^sealed:v1:/);
    expect(await sealPlainApiKeys(server.connection.database, testCredentialCipher)).toBe(0);
    const after = await server.request(organization.adminKey, { method: "GET", url: "/v1/ai/settings" });
    expect(after.json()).toMatchObject({ apiKeySet: true, apiKeyLast4: "LAST" });
  });

  it("stores a key of up to 1,000 characters of any kind, sealed, and refuses a longer one naming the limit", async () => {
    // Three UTF-8 bytes per character: the longest sealed form the API can be asked to store.
    for (const longest of ["k".repeat(1000), "€".repeat(1000), `sk-${"x".repeat(737)}`]) {
      const saved = await put(organization.adminKey, { ...languageModel, apiKey: longest });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ apiKeySet: true, apiKeyLast4: longest.slice(-4) });
    }
    const tooLong = await put(organization.adminKey, { ...languageModel, apiKey: "€".repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect(problemsOf(tooLong)).toEqual([
      expect.objectContaining({ in: "body", path: "/apiKey", code: "too_big", limit: 1000 }),
    ]);
    const kept = await server.request(organization.adminKey, { method: "GET", url: "/v1/ai/settings" });
    expect(kept.json()).toMatchObject({ apiKeyLast4: "xxxx" });
  });

  it("refuses a key on a server without a secret key, naming the field, and saves settings that need none", async () => {
    const keyless = await createTestServer(kind, { credentialCipher: null });
    try {
      const store = await keyless.organization("Store");
      const refused = await keyless.request(store.adminKey, {
        method: "PUT",
        url: "/v1/ai/settings",
        payload: { ...languageModel, apiKey },
      });
      expect(refused.statusCode).toBe(422);
      expect(problemsOf(refused)).toEqual([
        expect.objectContaining({
          path: "/apiKey",
          code: "no_secret_key",
          message: expect.stringContaining("PARLEY_SECRET_KEY"),
        }),
      ]);
      const ollama = await keyless.request(store.adminKey, {
        method: "PUT",
        url: "/v1/ai/settings",
        payload: { ...languageModel, baseUrl: "http://localhost:11434/v1" },
      });
      expect(ollama.statusCode, ollama.body).toBe(200);
      expect(ollama.json()).toMatchObject({ apiKeySet: false });
    } finally {
      await keyless.close();
    }
  }, 60_000);
});
