import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
interface Route {
  method: Method;
  url: string;
  payload?: object;
}

/**
 * One organization's records, addressed by another organization on every route, answer 404 as
 * if they did not exist, and never appear in its lists.
 */
describe.each(testDatabases)("isolation between organizations on %s", (kind) => {
  let server: TestServer;
  let ours: TestOrganization;
  let theirs: TestOrganization;
  const their: Record<string, string> = {};

  const as = (organization: TestOrganization, { method, url, payload }: Route) =>
    server.request(organization.adminKey, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    server = await createTestServer(kind);
    ours = await server.organization("Ours");
    theirs = await server.organization("Theirs");
    const create = async (url: string, payload: object) => {
      const response = await as(theirs, { method: "POST", url, payload });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    their.brand = await create("/v1/brands", { name: "Their brand" });
    their.team = await create("/v1/teams", { name: "Their team" });
    their.schedule = await create("/v1/business-schedules", { name: "Theirs", timeZone: "UTC", hours: {} });
    their.snippet = await create("/v1/snippets", { name: "theirs", values: { en: "Theirs" } });
    await create("/v1/klasses", { name: "secret", attributes: [{ name: "code", type: "text" }] });
    await create("/v1/klasses", { name: "order", attributes: [{ name: "number", type: "text" }] });
    await as(theirs, {
      method: "PUT",
      url: "/v1/klasses/customer/attributes/theirOnly",
      payload: { type: "text" },
    });
    their.company = await create("/v1/companies", { externalId: "company-1", name: "Their company" });
    their.customer = await create("/v1/customers", { externalId: "customer-1", email: "shared@example.com" });
    their.order = await create("/v1/objects/order", { customerId: their.customer, externalId: "order-1" });
    their.secret = await create("/v1/objects/secret", { customerId: their.customer });
    // We have an order Klass of our own, so only the object id can tell whose order it is.
    await as(ours, { method: "POST", url: "/v1/klasses", payload: { name: "order" } });
  });
  afterAll(() => server.close());

  const theirRoutes = (): Route[] => [
    { method: "GET", url: `/v1/brands/${their.brand}` },
    { method: "PUT", url: `/v1/brands/${their.brand}`, payload: { name: "Taken over" } },
    { method: "DELETE", url: `/v1/brands/${their.brand}` },
    { method: "GET", url: `/v1/teams/${their.team}` },
    { method: "PUT", url: `/v1/teams/${their.team}`, payload: { name: "Taken over" } },
    { method: "DELETE", url: `/v1/teams/${their.team}` },
    { method: "GET", url: `/v1/business-schedules/${their.schedule}` },
    {
      method: "PUT",
      url: `/v1/business-schedules/${their.schedule}`,
      payload: { name: "X", timeZone: "UTC", hours: {} },
    },
    { method: "DELETE", url: `/v1/business-schedules/${their.schedule}` },
    { method: "GET", url: `/v1/snippets/${their.snippet}` },
    {
      method: "PUT",
      url: `/v1/snippets/${their.snippet}`,
      payload: { name: "mine", values: { en: "Mine" } },
    },
    { method: "DELETE", url: `/v1/snippets/${their.snippet}` },
    { method: "GET", url: "/v1/klasses/secret" },
    { method: "PUT", url: "/v1/klasses/secret", payload: { attributes: [] } },
    { method: "DELETE", url: "/v1/klasses/secret" },
    { method: "PUT", url: "/v1/klasses/secret/attributes/code", payload: { type: "number" } },
    { method: "DELETE", url: "/v1/klasses/secret/attributes/code" },
    { method: "DELETE", url: "/v1/klasses/customer/attributes/theirOnly" },
    { method: "GET", url: `/v1/companies/${their.company}` },
    { method: "PATCH", url: `/v1/companies/${their.company}`, payload: { name: "Taken over" } },
    { method: "DELETE", url: `/v1/companies/${their.company}` },
    { method: "GET", url: `/v1/customers/${their.customer}` },
    { method: "GET", url: "/v1/customers/by-external-id/customer-1" },
    { method: "PATCH", url: `/v1/customers/${their.customer}`, payload: { name: "Taken over" } },
    { method: "DELETE", url: `/v1/customers/${their.customer}` },
    { method: "GET", url: `/v1/customers/${their.customer}/objects?klass=order` },
    { method: "POST", url: "/v1/customers", payload: { name: "Linked", companyId: their.company } },
    { method: "GET", url: `/v1/objects/order?customerId=${their.customer}` },
    { method: "GET", url: `/v1/objects/order/${their.order}` },
    { method: "GET", url: "/v1/objects/order/by-external-id/order-1" },
    { method: "PATCH", url: `/v1/objects/order/${their.order}`, payload: { attributes: {} } },
    { method: "DELETE", url: `/v1/objects/order/${their.order}` },
    { method: "POST", url: "/v1/objects/order", payload: { customerId: their.customer } },
    { method: "GET", url: "/v1/objects/secret" },
    { method: "GET", url: `/v1/objects/secret/${their.secret}` },
    { method: "POST", url: "/v1/objects/secret", payload: { customerId: their.customer } },
  ];

  it("answers 404 for another organization's ids and names on every route", async () => {
    const answers = await Promise.all(
      theirRoutes().map(
        async (route) => `${route.method} ${route.url} ${(await as(ours, route)).statusCode}`,
      ),
    );
    expect(answers).toEqual(theirRoutes().map((route) => `${route.method} ${route.url} 404`));
  });

  it("never lists another organization's records or custom attributes", async () => {
    const listed = await Promise.all(
      [
        "/v1/brands",
        "/v1/teams",
        "/v1/business-schedules",
        "/v1/snippets",
        "/v1/companies",
        "/v1/customers",
        "/v1/objects/order",
        "/v1/klasses",
      ].map(async (url) => JSON.stringify((await as(ours, { method: "GET", url })).json())),
    );
    for (const body of listed) {
      for (const id of Object.values(their)) expect(body).not.toContain(id);
      expect(body).not.toContain("theirOnly");
      expect(body).not.toContain("secret");
    }
  });

  it("keeps upsert keys per organization: the same external id and email make our own records", async () => {
    const customer = await as(ours, {
      method: "PUT",
      url: "/v1/customers/by-external-id/customer-1",
      payload: { email: "shared@example.com" },
    });
    expect(customer.statusCode).toBe(201);
    expect(customer.json().id).not.toBe(their.customer);
    const company = await as(ours, {
      method: "POST",
      url: "/v1/companies",
      payload: { externalId: "company-1" },
    });
    expect(company.statusCode).toBe(201);
    const order = await as(ours, {
      method: "PUT",
      url: "/v1/objects/order/by-external-id/order-1",
      payload: { customerId: customer.json().id },
    });
    expect(order.statusCode).toBe(201);
    const brand = await as(ours, { method: "POST", url: "/v1/brands", payload: { name: "Their brand" } });
    expect(brand.statusCode).toBe(201);
    const snippet = await as(ours, {
      method: "POST",
      url: "/v1/snippets",
      payload: { name: "theirs", values: { en: "Ours" } },
    });
    expect(snippet.statusCode).toBe(201);
    // Our writes on their ids changed nothing of theirs.
    const theirCustomer = await as(theirs, { method: "GET", url: `/v1/customers/${their.customer}` });
    expect(theirCustomer.json()).toMatchObject({ externalId: "customer-1", name: "" });
    const theirOrders = await as(theirs, {
      method: "GET",
      url: `/v1/customers/${their.customer}/objects?klass=order`,
    });
    expect(theirOrders.json().data.map((object: { id: string }) => object.id)).toEqual([their.order]);
    expect((await as(theirs, { method: "GET", url: "/v1/klasses/secret" })).json().attributes).toHaveLength(
      1,
    );
  });

  it("answers 401 without credentials on every route, and 403 to a read-only key on every write", async () => {
    const routes = theirRoutes();
    const withoutKey = await Promise.all(
      routes.map(async (route) => {
        const response = await server.request(null, {
          method: route.method,
          url: route.url,
          ...(route.payload ? { payload: route.payload } : {}),
        });
        return `${route.method} ${route.url} ${response.statusCode}`;
      }),
    );
    expect(withoutKey).toEqual(routes.map((route) => `${route.method} ${route.url} 401`));
    const readOnly = await ours.keyWith(scopes.read);
    const writes = routes.filter((route) => route.method !== "GET");
    const readOnlyAnswers = await Promise.all(
      writes.map(async (route) => {
        const response = await server.request(readOnly, {
          method: route.method,
          url: route.url,
          ...(route.payload ? { payload: route.payload } : {}),
        });
        return `${route.method} ${route.url} ${response.statusCode}`;
      }),
    );
    expect(readOnlyAnswers).toEqual(writes.map((route) => `${route.method} ${route.url} 403`));
  });
});
