import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";

describe.each(testDatabases)("customers on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization();
    await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/klasses/customer",
      payload: {
        attributes: [
          { name: "tier", type: "choice", values: ["Gold", "Silver"] },
          { name: "lifetimeValue", type: "number" },
          { name: "vip", type: "boolean" },
          { name: "birthday", type: "date" },
          { name: "interests", type: "list", values: ["Shoes > Running", "Shoes > Hiking", "Bags"] },
          { name: "note", type: "text" },
        ],
      },
    });
  });
  afterAll(() => server.close());

  const request = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object) =>
    server.request(organization.adminKey, { method, url, ...(payload ? { payload } : {}) });

  it("upserts by external id: the same id twice makes one customer, updated", async () => {
    const first = await request("PUT", "/v1/customers/by-external-id/shop-1", {
      name: "Ana",
      email: "Ana@Example.com",
      attributes: { tier: "Gold", note: "first" },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ externalId: "shop-1", name: "Ana", email: "ana@example.com" });
    const second = await request("PUT", "/v1/customers/by-external-id/shop-1", {
      phone: "+351 912 345 678",
      attributes: { tier: "Silver", note: null },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      id: first.json().id,
      name: "Ana",
      phone: "+351 912 345 678",
      attributes: { tier: "Silver" },
    });
    expect(second.json().attributes).not.toHaveProperty("note");
    const again = await request("POST", "/v1/customers", { externalId: "shop-1", name: "Ana Silva" });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const byExternalId = await request("GET", "/v1/customers/by-external-id/shop-1");
    expect(byExternalId.json()).toMatchObject({ id: first.json().id, name: "Ana Silva" });
    const listed = await request("GET", "/v1/customers?search=shop-1");
    expect(listed.json().data).toHaveLength(1);
  });

  it("upserts by email when there is no external id, and adopts an external id given later", async () => {
    const created = await request("POST", "/v1/customers", { email: "bruno@example.com", name: "Bruno" });
    expect(created.statusCode).toBe(201);
    const same = await request("POST", "/v1/customers", {
      email: "BRUNO@example.com",
      defaultLanguage: "pt-BR",
    });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ id: created.json().id, name: "Bruno", defaultLanguage: "pt-BR" });
    const adopted = await request("POST", "/v1/customers", {
      externalId: "shop-2",
      email: "bruno@example.com",
    });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toMatchObject({ id: created.json().id, externalId: "shop-2" });
    // Another external id with Bruno's email is another person claiming his email.
    const clash = await request("POST", "/v1/customers", {
      externalId: "shop-3",
      email: "bruno@example.com",
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.problems[0].path).toBe("/email");
    expect((await request("GET", "/v1/customers/by-external-id/shop-3")).statusCode).toBe(404);
  });

  it("creates one customer when the same new external id arrives many times at once", async () => {
    const responses = await Promise.all(
      ["Ema", "Ema S.", "Ema Santos", "E. Santos", "Ema"].map((name) =>
        request("PUT", "/v1/customers/by-external-id/race-1", { name, email: "ema@example.com" }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
    expect((await request("GET", "/v1/customers?search=race-1")).json().data).toHaveLength(1);
  });

  it("creates a new customer every time when neither external id nor email is given", async () => {
    const first = await request("POST", "/v1/customers", { name: "Anonymous", phone: "+1 917 123 4567" });
    const second = await request("POST", "/v1/customers", { name: "Anonymous", phone: "+1 917 123 4567" });
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(first.json().id).not.toBe(second.json().id);
  });

  it("checks custom attribute values against the customer Klass, reporting each problem", async () => {
    const response = await request("POST", "/v1/customers", {
      email: "carla@example.com",
      attributes: {
        tier: "Platinum",
        lifetimeValue: "1200",
        vip: "yes",
        birthday: "2026-02-30",
        interests: ["Shoes > Running", "Shoes"],
        favouriteColour: "blue",
      },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.message).toContain("favouriteColour");
    expect(error.problems.map((problem: { path: string }) => problem.path)).toEqual([
      "/attributes/tier",
      "/attributes/lifetimeValue",
      "/attributes/vip",
      "/attributes/birthday",
      "/attributes/interests",
      "/attributes/favouriteColour",
    ]);
    expect((await request("GET", "/v1/customers?search=carla")).json().data).toEqual([]);
    const valid = await request("POST", "/v1/customers", {
      email: "carla@example.com",
      attributes: {
        tier: "Gold",
        lifetimeValue: 1200.5,
        vip: true,
        birthday: "1990-04-01",
        interests: ["Shoes>Running", "Bags", "Bags"],
      },
    });
    expect(valid.statusCode).toBe(201);
    expect(valid.json().attributes).toEqual({
      tier: "Gold",
      lifetimeValue: 1200.5,
      vip: true,
      birthday: "1990-04-01",
      interests: ["Shoes > Running", "Bags"],
    });
  });

  it("names fields it does not know, so a typo does not silently drop data", async () => {
    const response = await request("POST", "/v1/customers", {
      email: "typo@example.com",
      atributes: { tier: "Gold" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.problems).toEqual([
      { in: "body", path: "/atributes", code: "unrecognized_key", message: "is not a field here" },
    ]);
  });

  it("lists every invalid standard field", async () => {
    const response = await request("POST", "/v1/customers", {
      email: "not an email",
      phone: "call me",
      defaultLanguage: "English",
      companyId: "acme",
      attributes: [],
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.problems.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining(["/email", "/phone", "/defaultLanguage", "/companyId", "/attributes"]),
    );
  });

  it("links a customer to a company of the organization only, and updates by id", async () => {
    const company = (await request("POST", "/v1/companies", { name: "Acme", domain: "acme.com" })).json();
    const customer = (
      await request("POST", "/v1/customers", { email: "dora@acme.com", companyId: company.id })
    ).json();
    expect(customer.companyId).toBe(company.id);
    const unknownCompany = await request("PATCH", `/v1/customers/${customer.id}`, {
      companyId: randomUUID(),
    });
    expect(unknownCompany.statusCode).toBe(404);
    const byCompany = await request("GET", `/v1/customers?companyId=${company.id}`);
    expect(byCompany.json().data.map((item: { id: string }) => item.id)).toEqual([customer.id]);
    const patched = await request("PATCH", `/v1/customers/${customer.id}`, { name: "Dora", email: null });
    expect(patched.json()).toMatchObject({ name: "Dora", email: null, companyId: company.id });
    expect((await request("DELETE", `/v1/companies/${company.id}`)).statusCode).toBe(204);
    expect((await request("GET", `/v1/customers/${customer.id}`)).json().companyId).toBeNull();
  });

  it("refuses to give one customer another's external id or email (409)", async () => {
    const first = (
      await request("POST", "/v1/customers", { externalId: "x-1", email: "x1@example.com" })
    ).json();
    const second = (await request("POST", "/v1/customers", { externalId: "x-2" })).json();
    const externalIdClash = await request("PATCH", `/v1/customers/${second.id}`, { externalId: "x-1" });
    expect(externalIdClash.statusCode).toBe(409);
    expect(externalIdClash.json().error.problems[0].path).toBe("/externalId");
    const emailClash = await request("PATCH", `/v1/customers/${second.id}`, { email: "X1@example.com" });
    expect(emailClash.statusCode).toBe(409);
    expect((await request("GET", `/v1/customers/${first.id}`)).json().email).toBe("x1@example.com");
  });

  it("lists most recent first, a page at a time, and deletes", async () => {
    const fresh = await server.organization();
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const response = await server.request(fresh.adminKey, {
        method: "POST",
        url: "/v1/customers",
        payload: { name: `Customer ${index}` },
      });
      ids.push(response.json().id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page = (
        await server.request(fresh.adminKey, { method: "GET", url: `/v1/customers?limit=2${query}` })
      ).json();
      seen.push(...page.data.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const deleted = await server.request(fresh.adminKey, {
      method: "DELETE",
      url: `/v1/customers/${ids[0]}`,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await server.request(fresh.adminKey, { method: "GET", url: `/v1/customers/${ids[0]}` })).statusCode,
    ).toBe(404);
  });

  it("needs credentials to read and the records scope to write", async () => {
    expect((await server.request(null, { method: "GET", url: "/v1/customers" })).statusCode).toBe(401);
    const readOnly = await organization.keyWith(scopes.read);
    expect((await server.request(readOnly, { method: "GET", url: "/v1/customers" })).statusCode).toBe(200);
    const refused = await server.request(readOnly, {
      method: "POST",
      url: "/v1/customers",
      payload: { name: "X" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain(scopes.recordsWrite);
    const setUp = await organization.keyWith(scopes.organizationWrite);
    expect(
      (await server.request(setUp, { method: "POST", url: "/v1/customers", payload: { name: "X" } }))
        .statusCode,
    ).toBe(403);
  });
});
