import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";

describe.each(testDatabases)("companies on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization();
    await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/klasses/company/attributes/plan",
      payload: { type: "choice", values: ["Free", "Business", "Enterprise"] },
    });
  });
  afterAll(() => server.close());

  const request = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object) =>
    server.request(organization.adminKey, { method, url, ...(payload ? { payload } : {}) });

  it("upserts by external id, then by domain", async () => {
    const created = await request("PUT", "/v1/companies/by-external-id/crm-1", {
      name: "Acme",
      domain: "Acme.com",
      attributes: { plan: "Business" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      externalId: "crm-1",
      domain: "acme.com",
      attributes: { plan: "Business" },
    });
    const updated = await request("PUT", "/v1/companies/by-external-id/crm-1", {
      attributes: { plan: "Enterprise" },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      id: created.json().id,
      name: "Acme",
      attributes: { plan: "Enterprise" },
    });
    const byDomain = await request("POST", "/v1/companies", { domain: "acme.com", name: "Acme Inc." });
    expect(byDomain.statusCode).toBe(200);
    expect(byDomain.json()).toMatchObject({ id: created.json().id, name: "Acme Inc." });
    const clash = await request("POST", "/v1/companies", { externalId: "crm-2", domain: "acme.com" });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.problems[0].path).toBe("/domain");
  });

  it("checks attributes and fields, listing every problem", async () => {
    const response = await request("POST", "/v1/companies", {
      name: "Globex",
      domain: "not a domain",
      attributes: { plan: "Gold", employees: 10 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.problems.map((problem: { path: string }) => problem.path)).toEqual([
      "/domain",
    ]);
    const attributes = await request("POST", "/v1/companies", {
      name: "Globex",
      attributes: { plan: "Gold", employees: 10 },
    });
    expect(attributes.statusCode).toBe(400);
    expect(attributes.json().error.problems.map((problem: { path: string }) => problem.path)).toEqual([
      "/attributes/plan",
      "/attributes/employees",
    ]);
  });

  it("gets, searches, patches and deletes", async () => {
    const company = (
      await request("POST", "/v1/companies", { name: "Initech", domain: "initech.example" })
    ).json();
    expect((await request("GET", `/v1/companies/${company.id}`)).json().name).toBe("Initech");
    const found = await request("GET", "/v1/companies?search=initech");
    expect(found.json().data.map((item: { id: string }) => item.id)).toEqual([company.id]);
    const patched = await request("PATCH", `/v1/companies/${company.id}`, {
      domain: null,
      attributes: { plan: "Free" },
    });
    expect(patched.json()).toMatchObject({ domain: null, attributes: { plan: "Free" } });
    expect((await request("DELETE", `/v1/companies/${company.id}`)).statusCode).toBe(204);
    expect((await request("GET", `/v1/companies/${company.id}`)).statusCode).toBe(404);
  });

  it("needs credentials to read and the records scope to write", async () => {
    expect((await server.request(null, { method: "GET", url: "/v1/companies" })).statusCode).toBe(401);
    const readOnly = await organization.keyWith(scopes.read);
    const refused = await server.request(readOnly, {
      method: "POST",
      url: "/v1/companies",
      payload: { name: "X" },
    });
    expect(refused.statusCode).toBe(403);
  });
});
