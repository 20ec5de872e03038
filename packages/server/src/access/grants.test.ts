import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { csrfHeader, sessionCookie } from "../http/authentication.ts";
import { allScopes, scopes } from "../http/scopes.ts";

const password = "long enough password";

describe.each(testDatabases)("granting access on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  /** A key that may manage access and nothing else. */
  let accessOnly: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Grants");
    accessOnly = await organization.keyWith(scopes.accessWrite);
  });
  afterAll(() => server.close());

  const createKey = (key: string, keyScopes: string[], headers: Record<string, string> = {}) =>
    server.request(key, {
      method: "POST",
      url: "/v1/api-keys",
      payload: { name: "made", scopes: keyScopes },
      headers,
    });
  const me = async (key: string) => (await server.request(key, { method: "GET", url: "/v1/me" })).statusCode;

  it("refuses a key with scopes the caller lacks (403 naming each), and makes one with scopes it holds", async () => {
    const escalating = await createKey(accessOnly, [scopes.accessWrite, scopes.read, scopes.agent]);
    expect(escalating.statusCode).toBe(403);
    const error = escalating.json().error;
    expect(error.code).toBe("cannot_grant");
    expect(error.message).toContain(scopes.read);
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: "/scopes/1",
        code: "scope_not_held",
        message: expect.stringContaining(scopes.read),
      }),
      expect.objectContaining({
        path: "/scopes/2",
        code: "scope_not_held",
        message: expect.stringContaining(scopes.agent),
      }),
    ]);
    expect(await createKey(accessOnly, allScopes)).toMatchObject({ statusCode: 403 });

    const allowed = await createKey(accessOnly, [scopes.accessWrite]);
    expect(allowed.statusCode).toBe(201);
    const reader = await organization.keyWith(scopes.accessWrite, scopes.read);
    expect((await createKey(reader, [scopes.read])).statusCode).toBe(201);
  });

  it("refuses a user whose role has scopes the caller lacks (403 at /role)", async () => {
    const user = (key: string, role: string) =>
      server.request(key, {
        method: "POST",
        url: "/v1/users",
        payload: { email: `${role}-${Math.random().toString(36).slice(2)}@example.com`, role, password },
      });
    for (const role of ["admin", "manager", "agent"]) {
      const refused = await user(accessOnly, role);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatchObject({ code: "cannot_grant", problems: [{ path: "/role" }] });
    }
    const agentMaker = await organization.keyWith(scopes.accessWrite, scopes.read, scopes.agent);
    expect((await user(agentMaker, "agent")).statusCode).toBe(201);
    expect((await user(agentMaker, "manager")).json().error.message).toContain(scopes.reportsRead);
    expect((await user(organization.adminKey, "admin")).statusCode).toBe(201);
  });

  it("lets a signed-in admin grant every scope and role, since the role holds them all", async () => {
    const credentials = await organization.user("admin");
    const signedIn = await server.request(null, { method: "POST", url: "/v1/session", payload: credentials });
    const cookies = { [sessionCookie]: signedIn.cookies[0]?.value ?? "" };
    const headers = { [csrfHeader]: "1" };
    const key = await server.request(null, {
      method: "POST",
      url: "/v1/api-keys",
      cookies,
      headers,
      payload: { name: "everything", scopes: allScopes },
    });
    expect(key.statusCode).toBe(201);
    expect(key.json().apiKey).toMatchObject({ createdByUserId: expect.any(String), createdByApiKeyId: null });
  });

  it("refuses deleting a user whose role has scopes the caller lacks", async () => {
    const admin = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/users",
      payload: { email: "kept-admin@example.com", role: "admin", password },
    });
    const refused = await server.request(accessOnly, {
      method: "DELETE",
      url: `/v1/users/${admin.json().id}`,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("cannot_manage");
  });

  it("revokes the keys a deleted user made, and the keys made with those, and keeps the organization's", async () => {
    const credentials = await organization.user("admin");
    const signedIn = await server.request(null, { method: "POST", url: "/v1/session", payload: credentials });
    const cookies = { [sessionCookie]: signedIn.cookies[0]?.value ?? "" };
    const userId = signedIn.json().user.id;
    const made = await server.request(null, {
      method: "POST",
      url: "/v1/api-keys",
      cookies,
      headers: { [csrfHeader]: "1" },
      payload: { name: "the user's", scopes: [scopes.accessWrite, scopes.read] },
    });
    const usersKey = made.json().key;
    const madeWithIt = (await createKey(usersKey, [scopes.read])).json();
    expect(madeWithIt.apiKey.createdByApiKeyId).toBe(made.json().apiKey.id);
    const organizationsKey = (await createKey(organization.adminKey, [scopes.read])).json().key;
    expect([await me(usersKey), await me(madeWithIt.key), await me(organizationsKey)]).toEqual([
      200, 200, 200,
    ]);

    const deleted = await server.request(organization.adminKey, {
      method: "DELETE",
      url: `/v1/users/${userId}`,
    });
    expect(deleted.statusCode).toBe(204);
    expect([await me(usersKey), await me(madeWithIt.key), await me(organizationsKey)]).toEqual([
      401, 401, 200,
    ]);
    expect(await me(organization.adminKey)).toBe(200);
    const listed = await server.request(organization.adminKey, { method: "GET", url: "/v1/api-keys" });
    const revoked = listed.json().data.find((key: { id: string }) => key.id === made.json().apiKey.id);
    expect(revoked).toMatchObject({ createdByUserId: userId, revokedAt: expect.any(String) });
    expect((await server.request(null, { method: "GET", url: "/v1/me", cookies })).statusCode).toBe(401);
  });
});
