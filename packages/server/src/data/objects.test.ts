import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";
import { recentObjects } from "./runtime-data.ts";

describe.each(testDatabases)("custom objects on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let customerId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization();
    await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/klasses",
      payload: {
        name: "order",
        attributes: [
          { name: "number", type: "text" },
          { name: "total", type: "number" },
          { name: "paid", type: "boolean" },
          { name: "placedOn", type: "date" },
          { name: "status", type: "choice", values: ["Placed", "Shipped"] },
          { name: "issues", type: "list", values: ["Shipping > Late", "Shipping > Damaged"] },
        ],
      },
    });
    await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/klasses",
      payload: { name: "ticket" },
    });
    const customer = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/customers",
      payload: { externalId: "shopper" },
    });
    customerId = customer.json().id;
  });
  afterAll(() => server.close());

  const request = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object) =>
    server.request(organization.adminKey, { method, url, ...(payload ? { payload } : {}) });

  it("creates objects with typed attributes and shows a customer's most recent first", async () => {
    const ids: string[] = [];
    for (const number of ["A-1", "A-2", "A-3", "A-4"]) {
      const created = await request("POST", "/v1/objects/order", {
        customerId,
        attributes: { number, total: 10, paid: true, placedOn: "2026-05-01T10:00:00Z", status: "Placed" },
      });
      expect(created.statusCode).toBe(201);
      ids.push(created.json().id);
    }
    await request("POST", "/v1/objects/ticket", { customerId });
    const recent = await request("GET", `/v1/customers/${customerId}/objects?klass=order&limit=3`);
    expect(recent.statusCode).toBe(200);
    expect(recent.json().data.map((object: { id: string }) => object.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(recent.json().data[0]).toMatchObject({
      klass: "order",
      customerId,
      attributes: { number: "A-4" },
    });
    expect(recent.json().nextCursor).not.toBeNull();
    const rest = await request(
      "GET",
      `/v1/customers/${customerId}/objects?klass=order&limit=3&cursor=${recent.json().nextCursor}`,
    );
    expect(rest.json()).toMatchObject({ data: [{ id: ids[0] }], nextCursor: null });
    const everything = await request("GET", `/v1/customers/${customerId}/objects`);
    expect(everything.json().data.map((object: { klass: string }) => object.klass)).toEqual([
      "ticket",
      "order",
      "order",
      "order",
      "order",
    ]);
    const found = await recentObjects(server.connection.database, organization.id, customerId, "order", 3);
    expect(found.map((object) => object.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(found[0]?.attributes).toMatchObject({ number: "A-4", total: 10 });
  });

  it("orders imported objects by the time they were created, not the time they arrived", async () => {
    const fresh = (await request("POST", "/v1/customers", { name: "Importer" })).json();
    const older = await request("POST", "/v1/objects/order", {
      customerId: fresh.id,
      createdAt: "2025-01-01T00:00:00Z",
      attributes: { number: "old" },
    });
    await request("POST", "/v1/objects/order", { customerId: fresh.id, attributes: { number: "new" } });
    expect(older.json().createdAt).toBe("2025-01-01T00:00:00.000Z");
    const listed = await request("GET", `/v1/objects/order?customerId=${fresh.id}`);
    expect(
      listed.json().data.map((object: { attributes: { number: string } }) => object.attributes.number),
    ).toEqual(["new", "old"]);
  });

  it("checks attribute values against the Klass: types, choices, list levels and unknown names", async () => {
    const response = await request("POST", "/v1/objects/order", {
      customerId,
      attributes: {
        number: 42,
        total: "ten",
        paid: 1,
        placedOn: "yesterday",
        status: "Lost",
        issues: ["Shipping > Lost"],
        colour: "red",
        size: "L",
      },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.message).toContain("colour, size");
    expect(
      error.problems.map((problem: { path: string; code: string }) => [problem.path, problem.code]),
    ).toEqual([
      ["/attributes/number", "invalid_type"],
      ["/attributes/total", "invalid_type"],
      ["/attributes/paid", "invalid_type"],
      ["/attributes/placedOn", "invalid_type"],
      ["/attributes/status", "invalid_value"],
      ["/attributes/issues", "invalid_value"],
      ["/attributes/colour", "unknown_attribute"],
      ["/attributes/size", "unknown_attribute"],
    ]);
  });

  it("upserts by external id, and patches, gets and deletes by id", async () => {
    const created = await request("PUT", "/v1/objects/order/by-external-id/shop-order-9", {
      customerId,
      attributes: { number: "9", issues: ["Shipping>Late"] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().attributes.issues).toEqual(["Shipping > Late"]);
    const updated = await request("PUT", "/v1/objects/order/by-external-id/shop-order-9", {
      attributes: { status: "Shipped", issues: null },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      id: created.json().id,
      attributes: { number: "9", status: "Shipped" },
    });
    expect(updated.json().attributes).not.toHaveProperty("issues");
    const viaPost = await request("POST", "/v1/objects/order", {
      customerId,
      externalId: "shop-order-9",
      attributes: { total: 99 },
    });
    expect(viaPost.statusCode).toBe(200);
    const { id } = created.json();
    expect((await request("GET", `/v1/objects/order/by-external-id/shop-order-9`)).json().id).toBe(id);
    const patched = await request("PATCH", `/v1/objects/order/${id}`, { attributes: { paid: false } });
    expect(patched.json().attributes).toMatchObject({ number: "9", total: 99, paid: false });
    expect((await request("GET", `/v1/objects/order/${id}`)).json().attributes.paid).toBe(false);
    // The same id under another Klass is not that object.
    expect((await request("GET", `/v1/objects/ticket/${id}`)).statusCode).toBe(404);
    expect((await request("DELETE", `/v1/objects/order/${id}`)).statusCode).toBe(204);
    expect((await request("GET", `/v1/objects/order/${id}`)).statusCode).toBe(404);
    const noCustomer = await request("PUT", "/v1/objects/order/by-external-id/new-one", {
      attributes: { number: "1" },
    });
    expect(noCustomer.statusCode).toBe(400);
    expect(noCustomer.json().error.problems[0].path).toBe("/customerId");
  });

  it("only writes objects of existing custom Klasses, for existing customers", async () => {
    expect((await request("POST", "/v1/objects/invoice", { customerId })).statusCode).toBe(404);
    expect((await request("POST", "/v1/objects/customer", { customerId })).statusCode).toBe(404);
    expect((await request("GET", "/v1/objects/invoice")).statusCode).toBe(404);
    const unknownCustomer = await request("POST", "/v1/objects/order", { customerId: crypto.randomUUID() });
    expect(unknownCustomer.statusCode).toBe(404);
    expect(unknownCustomer.json().error.message).toContain("Customer");
  });

  it("deletes a Klass's objects with the Klass, and a customer's objects with the customer", async () => {
    await request("POST", "/v1/klasses", { name: "visit" });
    const customer = (await request("POST", "/v1/customers", { name: "Visitor" })).json();
    const visit = (await request("POST", "/v1/objects/visit", { customerId: customer.id })).json();
    expect((await request("DELETE", "/v1/klasses/visit")).statusCode).toBe(204);
    await request("POST", "/v1/klasses", { name: "visit" });
    expect((await request("GET", `/v1/objects/visit/${visit.id}`)).statusCode).toBe(404);
    const order = (await request("POST", "/v1/objects/order", { customerId: customer.id })).json();
    expect((await request("DELETE", `/v1/customers/${customer.id}`)).statusCode).toBe(204);
    expect((await request("GET", `/v1/objects/order/${order.id}`)).statusCode).toBe(404);
  });

  it("needs credentials to read and the records scope to write", async () => {
    expect((await server.request(null, { method: "GET", url: "/v1/objects/order" })).statusCode).toBe(401);
    const readOnly = await organization.keyWith(scopes.read);
    expect((await server.request(readOnly, { method: "GET", url: "/v1/objects/order" })).statusCode).toBe(
      200,
    );
    const refused = await server.request(readOnly, {
      method: "POST",
      url: "/v1/objects/order",
      payload: { customerId },
    });
    expect(refused.statusCode).toBe(403);
  });
});
