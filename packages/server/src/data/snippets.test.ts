import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";

describe.each(testDatabases)("snippets on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization();
  });
  afterAll(() => server.close());

  it("creates a snippet with a value per language, renames it and deletes it", async () => {
    const key = organization.adminKey;
    const created = await server.request(key, {
      method: "POST",
      url: "/v1/snippets",
      payload: { name: "greeting", values: { en: "Hello", es: "Hola", "pt-BR": "Olá" } },
    });
    expect(created.statusCode).toBe(201);
    const snippet = created.json();
    expect(snippet).toMatchObject({ name: "greeting", values: { en: "Hello", es: "Hola", "pt-BR": "Olá" } });
    const url = `/v1/snippets/${snippet.id}`;
    const replaced = await server.request(key, {
      method: "PUT",
      url,
      payload: { name: "store.hours", values: { en: "9 to 5" } },
    });
    expect(replaced.json()).toMatchObject({ id: snippet.id, name: "store.hours", values: { en: "9 to 5" } });
    const listed = await server.request(key, { method: "GET", url: "/v1/snippets?search=store" });
    expect(listed.json().data.map((item: { name: string }) => item.name)).toEqual(["store.hours"]);
    expect((await server.request(key, { method: "DELETE", url })).statusCode).toBe(204);
    expect((await server.request(key, { method: "GET", url })).statusCode).toBe(404);
  });

  it("keeps names unique, for new snippets and renames alike (409)", async () => {
    const key = organization.adminKey;
    await server.request(key, {
      method: "POST",
      url: "/v1/snippets",
      payload: { name: "signature", values: { en: "A" } },
    });
    const other = await server.request(key, {
      method: "POST",
      url: "/v1/snippets",
      payload: { name: "footer", values: { en: "B" } },
    });
    const duplicate = await server.request(key, {
      method: "POST",
      url: "/v1/snippets",
      payload: { name: "signature", values: { en: "C" } },
    });
    expect(duplicate.statusCode).toBe(409);
    const rename = await server.request(key, {
      method: "PUT",
      url: `/v1/snippets/${other.json().id}`,
      payload: { name: "signature", values: { en: "B" } },
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.problems[0].path).toBe("/name");
  });

  it("lists every invalid field", async () => {
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/snippets",
      payload: { name: "has space", values: { English: "Hi", en: "" } },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.problems.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(["/name", "/values/en"]));
    expect(paths.some((path: string) => path.startsWith("/values") && path.includes("English"))).toBe(true);
    const empty = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/snippets",
      payload: { name: "empty", values: {} },
    });
    expect(empty.json().error.problems.map((problem: { path: string }) => problem.path)).toEqual(["/values"]);
  });

  it("needs credentials to read and the organization scope to write", async () => {
    expect((await server.request(null, { method: "GET", url: "/v1/snippets" })).statusCode).toBe(401);
    const readOnly = await organization.keyWith(scopes.read);
    const refused = await server.request(readOnly, {
      method: "POST",
      url: "/v1/snippets",
      payload: { name: "nope", values: { en: "No" } },
    });
    expect(refused.statusCode).toBe(403);
  });
});
