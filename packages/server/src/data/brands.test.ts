import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";
import { brandExists } from "./brands.ts";

describe.each(testDatabases)("brands and teams on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization();
  });
  afterAll(() => server.close());

  describe.each(["brands", "teams"])("/v1/%s", (resource) => {
    it("creates, lists by name, gets, renames and deletes", async () => {
      const key = organization.adminKey;
      const created = await server.request(key, {
        method: "POST",
        url: `/v1/${resource}`,
        payload: { name: "Zeta" },
      });
      expect(created.statusCode).toBe(201);
      const { id } = created.json();
      await server.request(key, { method: "POST", url: `/v1/${resource}`, payload: { name: "Alpha" } });
      const listed = await server.request(key, { method: "GET", url: `/v1/${resource}` });
      expect(listed.json().data.map((item: { name: string }) => item.name)).toEqual(["Alpha", "Zeta"]);
      const renamed = await server.request(key, {
        method: "PUT",
        url: `/v1/${resource}/${id}`,
        payload: { name: "Omega" },
      });
      expect(renamed.json()).toMatchObject({ id, name: "Omega" });
      expect((await server.request(key, { method: "GET", url: `/v1/${resource}/${id}` })).json().name).toBe(
        "Omega",
      );
      expect((await server.request(key, { method: "DELETE", url: `/v1/${resource}/${id}` })).statusCode).toBe(
        204,
      );
      expect((await server.request(key, { method: "GET", url: `/v1/${resource}/${id}` })).statusCode).toBe(
        404,
      );
      expect((await server.request(key, { method: "DELETE", url: `/v1/${resource}/${id}` })).statusCode).toBe(
        404,
      );
    });

    it("refuses a second one of the same name, whatever the case (409)", async () => {
      const key = organization.adminKey;
      await server.request(key, { method: "POST", url: `/v1/${resource}`, payload: { name: "Shipping" } });
      const again = await server.request(key, {
        method: "POST",
        url: `/v1/${resource}`,
        payload: { name: "shipping" },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.problems[0].path).toBe("/name");
    });

    it("pages with an opaque cursor and searches by name", async () => {
      const fresh = await server.organization();
      for (const name of ["One", "Two", "Three", "Four", "Five"]) {
        await server.request(fresh.adminKey, { method: "POST", url: `/v1/${resource}`, payload: { name } });
      }
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : "";
        const page = (
          await server.request(fresh.adminKey, { method: "GET", url: `/v1/${resource}?limit=2${query}` })
        ).json();
        expect(page.data.length).toBeLessThanOrEqual(2);
        names.push(...page.data.map((item: { name: string }) => item.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(names).toEqual(["Five", "Four", "One", "Three", "Two"]);
      const found = await server.request(fresh.adminKey, { method: "GET", url: `/v1/${resource}?search=t` });
      expect(found.json().data.map((item: { name: string }) => item.name)).toEqual(["Three", "Two"]);
      const bad = await server.request(fresh.adminKey, {
        method: "GET",
        url: `/v1/${resource}?cursor=nonsense`,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.problems[0]).toMatchObject({ in: "query", path: "/cursor" });
      const tooMany = await server.request(fresh.adminKey, {
        method: "GET",
        url: `/v1/${resource}?limit=201`,
      });
      expect(tooMany.statusCode).toBe(400);
    });

    it("lists every invalid field, and needs credentials and the organization scope", async () => {
      const invalid = await server.request(organization.adminKey, {
        method: "POST",
        url: `/v1/${resource}`,
        payload: { name: "   " },
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error.problems.map((problem: { path: string }) => problem.path)).toEqual([
        "/name",
      ]);
      expect((await server.request(null, { method: "GET", url: `/v1/${resource}` })).statusCode).toBe(401);
      const readOnly = await organization.keyWith(scopes.read);
      expect((await server.request(readOnly, { method: "GET", url: `/v1/${resource}` })).statusCode).toBe(
        200,
      );
      const refused = await server.request(readOnly, {
        method: "POST",
        url: `/v1/${resource}`,
        payload: { name: "X" },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toContain(scopes.organizationWrite);
    });
  });

  it("tells the rules area whether a brand is the organization's", async () => {
    const other = await server.organization();
    const created = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/brands",
      payload: { name: "Rules brand" },
    });
    const { id } = created.json();
    const { database } = server.connection;
    expect(await brandExists(database, organization.id, id)).toBe(true);
    expect(await brandExists(database, other.id, id)).toBe(false);
    expect(await brandExists(database, organization.id, randomUUID())).toBe(false);
    expect(await brandExists(database, organization.id, "not-a-uuid")).toBe(false);
  });
});
