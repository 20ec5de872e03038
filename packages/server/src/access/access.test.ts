import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { csrfHeader, sessionCookie } from "../http/authentication.ts";
import { scopes } from "../http/scopes.ts";

describe.each(testDatabases)("access on %s", (kind) => {
  let server: TestServer;
  let first: TestOrganization;
  let second: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    first = await server.organization("First");
    second = await server.organization("Second");
  });
  afterAll(() => server.close());

  it("answers 401 without credentials and with an unknown key", async () => {
    expect((await server.request(null, { method: "GET", url: "/v1/me" })).statusCode).toBe(401);
    const unknown = await server.request("prl_not-a-key", { method: "GET", url: "/v1/me" });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe("unauthenticated");
  });

  it("tells a key's organization and scopes", async () => {
    const response = await server.request(first.adminKey, { method: "GET", url: "/v1/me" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ organizationId: first.id, userId: null });
  });

  it("answers 403 naming the scope a key lacks", async () => {
    const readOnly = await first.keyWith(scopes.read);
    const response = await server.request(readOnly, { method: "GET", url: "/v1/api-keys" });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain(scopes.accessWrite);
  });

  it("creates keys that work at once, lists them without secrets, and revokes them", async () => {
    const created = await server.request(first.adminKey, {
      method: "POST",
      url: "/v1/api-keys",
      payload: { name: "Migration", scopes: [scopes.assistantsWrite, scopes.read] },
    });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json();
    expect((await server.request(key, { method: "GET", url: "/v1/me" })).statusCode).toBe(200);
    const listed = await server.request(first.adminKey, { method: "GET", url: "/v1/api-keys" });
    const entry = listed.json().data.find((candidate: { id: string }) => candidate.id === apiKey.id);
    expect(entry).toMatchObject({ name: "Migration", keyStart: key.slice(0, 8) });
    expect(entry.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.json())).not.toContain(key);
    const revoked = await server.request(first.adminKey, {
      method: "DELETE",
      url: `/v1/api-keys/${apiKey.id}`,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await server.request(key, { method: "GET", url: "/v1/me" })).statusCode).toBe(401);
  });

  it("lists every invalid field of a bad key request", async () => {
    const response = await server.request(first.adminKey, {
      method: "POST",
      url: "/v1/api-keys",
      payload: { name: "", scopes: ["org.everything"] },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.problems.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(["/name", "/scopes/0"]));
  });

  it("never shows or revokes another organization's key (404)", async () => {
    const theirs = await server.request(second.adminKey, {
      method: "POST",
      url: "/v1/api-keys",
      payload: { name: "Theirs", scopes: [scopes.read] },
    });
    const id = theirs.json().apiKey.id;
    const listed = await server.request(first.adminKey, { method: "GET", url: "/v1/api-keys" });
    expect(listed.json().data.map((candidate: { id: string }) => candidate.id)).not.toContain(id);
    expect(
      (await server.request(first.adminKey, { method: "DELETE", url: `/v1/api-keys/${id}` })).statusCode,
    ).toBe(404);
  });

  it("signs in with a password, keeps the session in an HttpOnly cookie, and requires the CSRF header to write", async () => {
    const credentials = await first.user("admin");
    const wrong = await server.request(null, {
      method: "POST",
      url: "/v1/session",
      payload: { ...credentials, password: "wrong password!" },
    });
    expect(wrong.statusCode).toBe(401);
    const signedIn = await server.request(null, { method: "POST", url: "/v1/session", payload: credentials });
    expect(signedIn.statusCode).toBe(200);
    const cookie = signedIn.cookies.find((candidate) => candidate.name === sessionCookie);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    const cookies = { [sessionCookie]: cookie?.value ?? "" };
    const me = await server.request(null, { method: "GET", url: "/v1/me", cookies });
    expect(me.json()).toMatchObject({ organizationId: first.id });
    const payload = { name: "From the console", scopes: [scopes.read] };
    const withoutHeader = await server.request(null, {
      method: "POST",
      url: "/v1/api-keys",
      cookies,
      payload,
    });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().error.code).toBe("csrf_header_missing");
    const withHeader = await server.request(null, {
      method: "POST",
      url: "/v1/api-keys",
      cookies,
      payload,
      headers: { [csrfHeader]: "1" },
    });
    expect(withHeader.statusCode).toBe(201);
    const signedOut = await server.request(null, {
      method: "DELETE",
      url: "/v1/session",
      cookies,
      headers: { [csrfHeader]: "1" },
    });
    expect(signedOut.statusCode).toBe(204);
    expect((await server.request(null, { method: "GET", url: "/v1/me", cookies })).statusCode).toBe(401);
  });

  it("gives agents their role's scopes only", async () => {
    const credentials = await first.user("agent");
    const signedIn = await server.request(null, { method: "POST", url: "/v1/session", payload: credentials });
    const cookies = { [sessionCookie]: signedIn.cookies[0]?.value ?? "" };
    expect((await server.request(null, { method: "GET", url: "/v1/users", cookies })).statusCode).toBe(403);
  });

  it("refuses a second user with the same email in one organization (409), and reveals nothing about others", async () => {
    const payload = { email: "same@example.com", role: "agent", password: "long enough password" };
    expect(
      (await server.request(first.adminKey, { method: "POST", url: "/v1/users", payload })).statusCode,
    ).toBe(201);
    const again = await server.request(first.adminKey, {
      method: "POST",
      url: "/v1/users",
      payload: { ...payload, email: "Same@Example.com" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.problems[0].path).toBe("/email");
    // Another organization creates the same email as any new one: it cannot learn who uses this server.
    const elsewhere = await server.request(second.adminKey, {
      method: "POST",
      url: "/v1/users",
      payload: { ...payload, password: "another long password" },
    });
    expect(elsewhere.statusCode).toBe(201);
    // Each signs in to its own organization with its own password, and only there.
    const signIn = (organizationId: string, password: string) =>
      server.request(null, {
        method: "POST",
        url: "/v1/session",
        payload: { email: payload.email, password, organizationId },
      });
    expect((await signIn(first.id, payload.password)).json().organizationId).toBe(first.id);
    expect((await signIn(second.id, "another long password")).json().organizationId).toBe(second.id);
    expect((await signIn(second.id, payload.password)).statusCode).toBe(401);
    // Without naming one, a server with several organizations cannot tell which is meant.
    const unnamed = await server.request(null, {
      method: "POST",
      url: "/v1/session",
      payload: { email: payload.email, password: payload.password },
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error).toMatchObject({ code: "organization_required" });
  });

  it("answers 413 for a body over the limit and 400 for malformed JSON", async () => {
    const huge = await server.request(first.adminKey, {
      method: "POST",
      url: "/v1/api-keys",
      payload: JSON.stringify({ name: "x".repeat(300 * 1024), scopes: [scopes.read] }),
      headers: { "content-type": "application/json" },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.problems[0].limit).toBeGreaterThan(0);
    const malformed = await server.request(first.adminKey, {
      method: "POST",
      url: "/v1/api-keys",
      payload: "{ not json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.statusCode).toBe(400);
  });

  it("reports health and readiness", async () => {
    expect((await server.request(null, { method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await server.request(null, { method: "GET", url: "/readyz" })).json()).toEqual({
      status: "ready",
      database: kind,
    });
  });
});
