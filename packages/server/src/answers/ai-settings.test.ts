import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";
import { problemsOf } from "../knowledge/knowledge-test-support.ts";

const apiKey = "sk-proj-settings-test-key-0123456789-ABCD";
const otherKey = "sk-proj-second-test-key-9876543210-WXYZ";

describe.each(testDatabases)("AI settings on %s", (kind) => {
  let server: TestServer;
  /** Every line the server logged. */
  const logs: string[] = [];
  let organization: TestOrganization;
  /** Every response body, to show that no answer ever carried a key. */
  const bodies: string[] = [];

  beforeAll(async () => {
    server = await createTestServer(kind, { logs });
    organization = await server.organization("Store");
  }, 60_000);
  afterAll(() => server?.close());

  async function call(options: InjectOptions, key = organization.adminKey): Promise<LightMyRequestResponse> {
    const response = await server.request(key, options);
    bodies.push(response.body);
    return response;
  }
  const put = (payload: Record<string, unknown>) => call({ method: "PUT", url: "/v1/ai/settings", payload });
  const get = () => call({ method: "GET", url: "/v1/ai/settings" });

  it("answers extractive settings before any are saved", async () => {
    const response = await get();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      provider: "extractive",
      baseUrl: null,
      model: null,
      temperature: null,
      maxOutputTokens: null,
      timeoutMs: null,
      apiKeySet: false,
      apiKeyLast4: null,
      defaultProfileId: null,
      updatedAt: null,
    });
  });

  it("names every missing or out-of-range field with its pointer, rule and limit", async () => {
    const missing = await put({ provider: "openai-compatible" });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe("invalid_ai_settings");
    expect(problemsOf(missing)).toEqual([
      expect.objectContaining({ in: "body", path: "/model", code: "required" }),
      expect.objectContaining({ in: "body", path: "/baseUrl", code: "required" }),
    ]);

    const outOfRange = await put({
      provider: "openai-compatible",
      baseUrl: "ftp://models.example/v1",
      model: "  ",
      temperature: 2.5,
      maxOutputTokens: 0,
      timeoutMs: 600_001,
    });
    expect(outOfRange.statusCode).toBe(422);
    expect(problemsOf(outOfRange)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "/baseUrl", code: "invalid_url" }),
        expect.objectContaining({ path: "/model", code: "required" }),
        expect.objectContaining({ path: "/temperature", code: "too_big", limit: 2 }),
        expect.objectContaining({ path: "/maxOutputTokens", code: "too_small", limit: 0 }),
        expect.objectContaining({ path: "/timeoutMs", code: "too_big", limit: 600_000 }),
      ]),
    );
    expect(problemsOf(outOfRange)).toHaveLength(5);

    const fractional = await put({ provider: "openai", model: "gpt-4.1-mini", apiKey, maxOutputTokens: 1.5 });
    expect(problemsOf(fractional)).toEqual([
      expect.objectContaining({ path: "/maxOutputTokens", code: "not_an_integer" }),
    ]);

    const withoutKey = await put({ provider: "openai", model: "gpt-4.1-mini" });
    expect(problemsOf(withoutKey)).toEqual([expect.objectContaining({ path: "/apiKey", code: "required" })]);

    const credentials = await put({
      provider: "openai-compatible",
      baseUrl: `https://user:${apiKey}@models.example/v1`,
      model: "llama3",
    });
    expect(problemsOf(credentials)).toEqual([
      expect.objectContaining({ path: "/baseUrl", code: "credentials_in_url" }),
    ]);

    const spaced = await put({
      provider: "openai",
      model: "gpt-4.1-mini",
      apiKey: "sk-two words-0123456789",
    });
    expect(problemsOf(spaced)).toEqual([expect.objectContaining({ path: "/apiKey", code: "invalid_key" })]);

    const typo = await put({ provider: "openai", model: "gpt-4.1-mini", apikey: apiKey });
    expect(typo.statusCode).toBe(400);
    expect(problemsOf(typo)).toEqual([
      expect.objectContaining({ path: "/apikey", code: "unrecognized_key" }),
    ]);

    const unknownProvider = await put({ provider: "anthropic" });
    expect(unknownProvider.statusCode).toBe(400);
    expect(problemsOf(unknownProvider)[0]).toMatchObject({ path: "/provider" });

    // Nothing was saved.
    expect((await get()).json().provider).toBe("extractive");
  });

  it("stores the key without ever answering it, keeps it when left out and removes it with null", async () => {
    const saved = await put({ provider: "openai", model: "gpt-4.1-mini", apiKey, temperature: 0.2 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      provider: "openai",
      baseUrl: null,
      model: "gpt-4.1-mini",
      temperature: 0.2,
      apiKeySet: true,
      apiKeyLast4: "ABCD",
      updatedAt: expect.any(String),
    });
    expect(saved.json()).not.toHaveProperty("apiKey");
    expect((await get()).json()).toMatchObject({ apiKeySet: true, apiKeyLast4: "ABCD" });

    // Another model at the same endpoint keeps the key.
    const kept = await put({ provider: "openai", model: "gpt-4.1", maxOutputTokens: 500, timeoutMs: 20_000 });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({
      model: "gpt-4.1",
      temperature: null,
      apiKeySet: true,
      apiKeyLast4: "ABCD",
    });

    // The key is only sent where it was given: another endpoint needs it again.
    const elsewhere = await put({
      provider: "openai-compatible",
      baseUrl: "https://proxy.example/v1",
      model: "gpt-4.1",
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(problemsOf(elsewhere)).toEqual([
      expect.objectContaining({ path: "/apiKey", code: "endpoint_changed" }),
    ]);
    const moved = await put({
      provider: "openai-compatible",
      baseUrl: "https://proxy.example/v1",
      model: "gpt-4.1",
      apiKey: otherKey,
    });
    expect(moved.json()).toMatchObject({
      baseUrl: "https://proxy.example/v1",
      apiKeySet: true,
      apiKeyLast4: "WXYZ",
    });

    // Extractive keeps the stored key for a switch back to the same endpoint.
    expect((await put({ provider: "extractive" })).json()).toMatchObject({
      provider: "extractive",
      apiKeySet: true,
    });
    const back = await put({
      provider: "openai-compatible",
      baseUrl: "https://proxy.example/v2",
      model: "gpt-4.1",
    });
    expect(back.json()).toMatchObject({ provider: "openai-compatible", apiKeyLast4: "WXYZ" });

    const removed = await put({
      provider: "openai-compatible",
      baseUrl: "http://localhost:11434/v1",
      model: "llama3",
      apiKey: null,
    });
    expect(removed.json()).toMatchObject({ apiKeySet: false, apiKeyLast4: null });
  });

  it("takes a default profile of the organization only", async () => {
    const unknown = await put({
      provider: "extractive",
      defaultProfileId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.statusCode).toBe(422);
    expect(problemsOf(unknown)).toEqual([
      expect.objectContaining({ path: "/defaultProfileId", code: "unknown_ai_profile" }),
    ]);
    const other = await server.organization("Other");
    const theirs = await call(
      { method: "POST", url: "/v1/ai/profiles", payload: { name: "Theirs" } },
      other.adminKey,
    );
    expect((await put({ provider: "extractive", defaultProfileId: theirs.json().id })).statusCode).toBe(422);
    const ours = await call({ method: "POST", url: "/v1/ai/profiles", payload: { name: "Ours" } });
    const saved = await put({ provider: "extractive", defaultProfileId: ours.json().id });
    expect(saved.json().defaultProfileId).toBe(ours.json().id);
  });

  it("needs the organization set-up scope, reading included, and keeps organizations apart", async () => {
    const reader = await organization.keyWith(scopes.read);
    expect((await call({ method: "GET", url: "/v1/ai/settings" }, reader)).statusCode).toBe(403);
    expect(
      (await call({ method: "PUT", url: "/v1/ai/settings", payload: { provider: "extractive" } }, reader))
        .statusCode,
    ).toBe(403);
    const other = await server.organization("Elsewhere");
    const theirs = await call({ method: "GET", url: "/v1/ai/settings" }, other.adminKey);
    expect(theirs.json()).toMatchObject({ provider: "extractive", apiKeySet: false });
  });

  it("never answered or logged a key", () => {
    expect(bodies.join("\n")).not.toMatch(new RegExp(`${apiKey}|${otherKey}`));
    expect(logs.length).toBeGreaterThan(0);
    const logged = logs.join("\n");
    expect(logged).not.toContain(apiKey);
    expect(logged).not.toContain(otherKey);
  });
});
