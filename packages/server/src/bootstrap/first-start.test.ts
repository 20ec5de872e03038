import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { bootstrapFirstStart, defaultAdminEmail } from "./first-start.ts";

describe.each(testDatabases)("first start on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server.close());

  it("creates the demo organization once, with working credentials and published assistants", async () => {
    const report = await bootstrapFirstStart(server.connection.database, {});
    expect(report).toMatchObject({ adminEmail: defaultAdminEmail });
    const key = report?.generatedApiKey ?? "";
    const password = report?.generatedPassword ?? "";
    expect(key).toMatch(/^prl_/);
    expect(password.length).toBeGreaterThanOrEqual(16);

    const assistants = await server.request(key, { method: "GET", url: "/v1/assistants?status=active" });
    expect(
      assistants
        .json()
        .data.map((assistant: { internalName: string }) => assistant.internalName)
        .sort(),
    ).toEqual(["Respond with AI", "SMS assistant", "Tutorial assistant"]);
    const teams = await server.request(key, { method: "GET", url: "/v1/teams" });
    expect(
      teams
        .json()
        .data.map((team: { name: string }) => team.name)
        .sort(),
    ).toEqual(["CX", "Sales", "Shipping"]);
    const brands = await server.request(key, { method: "GET", url: "/v1/brands" });
    const brandId = brands.json().data[0].id;
    const evaluation = await server.request(key, {
      method: "POST",
      url: "/v1/rules/evaluate",
      payload: { channel: "chat", brandId },
    });
    expect(evaluation.json()).toMatchObject({ source: "default" });
    const signIn = await server.request(null, {
      method: "POST",
      url: "/v1/session",
      payload: { email: defaultAdminEmail, password },
    });
    expect(signIn.statusCode).toBe(200);

    expect(await bootstrapFirstStart(server.connection.database, {})).toBeNull();
  });

  it("uses the credentials given in the environment and does not print them back", async () => {
    const fresh = await createTestServer(kind);
    try {
      const report = await bootstrapFirstStart(fresh.connection.database, {
        adminEmail: "owner@example.com",
        adminPassword: "a long chosen password",
        adminApiKey: "prl_chosen_key_for_automation_123456",
      });
      expect(report).toEqual({ organizationId: expect.any(String), adminEmail: "owner@example.com" });
      const me = await fresh.request("prl_chosen_key_for_automation_123456", {
        method: "GET",
        url: "/v1/me",
      });
      expect(me.statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});
