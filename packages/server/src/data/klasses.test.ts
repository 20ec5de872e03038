import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";

describe.each(testDatabases)("Klasses on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization();
  });
  afterAll(() => server.close());

  const request = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    server.request(organization.adminKey, { method, url, ...(payload ? { payload } : {}) });

  it("lists the standard Klasses with their standard attributes before any custom one exists", async () => {
    const listed = await request("GET", "/v1/klasses");
    expect(listed.statusCode).toBe(200);
    const { data } = listed.json();
    expect(data.map((klass: { name: string }) => klass.name)).toEqual([
      "conversation",
      "customer",
      "company",
    ]);
    const customer = data.find((klass: { name: string }) => klass.name === "customer");
    expect(customer).toMatchObject({ label: "Customer", standard: true });
    expect(customer.attributes).toContainEqual({
      name: "defaultLanguage",
      label: "Default language",
      type: "choice",
      standard: true,
    });
  });

  it("adds custom attributes to a standard Klass, one at a time, and removes them", async () => {
    const added = await request("PUT", "/v1/klasses/customer/attributes/tier", {
      type: "choice",
      values: ["Gold", "Silver"],
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().attributes.at(-1)).toEqual({
      name: "tier",
      label: "Tier",
      type: "choice",
      values: ["Gold", "Silver"],
      standard: false,
    });
    const replaced = await request("PUT", "/v1/klasses/customer/attributes/tier", {
      type: "choice",
      label: "VIP tier",
      values: ["Gold", "Silver", "Bronze"],
    });
    expect(replaced.statusCode).toBe(200);
    const customer = (await request("GET", "/v1/klasses/customer")).json();
    expect(customer.attributes.filter((attribute: { standard: boolean }) => !attribute.standard)).toEqual([
      {
        name: "tier",
        label: "VIP tier",
        type: "choice",
        values: ["Gold", "Silver", "Bronze"],
        standard: false,
      },
    ]);
    expect((await request("DELETE", "/v1/klasses/customer/attributes/tier")).statusCode).toBe(204);
    expect((await request("DELETE", "/v1/klasses/customer/attributes/tier")).statusCode).toBe(404);
    // Standard attributes are not custom ones: they cannot be redefined or deleted.
    const standard = await request("PUT", "/v1/klasses/customer/attributes/email", { type: "number" });
    expect(standard.statusCode).toBe(400);
    expect(standard.json().error.problems[0]).toMatchObject({ in: "params", path: "/attribute" });
    expect((await request("DELETE", "/v1/klasses/customer/attributes/email")).statusCode).toBe(404);
  });

  it("creates a custom Klass with typed attributes and multi-level list values", async () => {
    const created = await request("POST", "/v1/klasses", {
      name: "order",
      label: "Order",
      attributes: [
        { name: "number", type: "text" },
        { name: "total", type: "number" },
        { name: "status", type: "choice", values: ["Placed", "Shipped", "Delivered"] },
        { name: "problems", type: "list", values: ["Shipping>Late", "Shipping > Damaged", "Billing"] },
      ],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "order", label: "Order", standard: false });
    expect(created.json().attributes[3].values).toEqual(["Shipping > Late", "Shipping > Damaged", "Billing"]);
    const listed = (await request("GET", "/v1/klasses")).json().data;
    expect(listed.map((klass: { name: string }) => klass.name)).toEqual([
      "conversation",
      "customer",
      "company",
      "order",
    ]);
    const again = await request("POST", "/v1/klasses", { name: "order" });
    expect(again.statusCode).toBe(409);
    const standardName = await request("POST", "/v1/klasses", { name: "customer" });
    expect(standardName.statusCode).toBe(409);
  });

  it("replaces a custom Klass's attributes, and deletes custom Klasses but never standard ones", async () => {
    await request("POST", "/v1/klasses", { name: "subscription" });
    const replaced = await request("PUT", "/v1/klasses/subscription", {
      label: "Subscription",
      attributes: [{ name: "plan", type: "text" }],
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      label: "Subscription",
      attributes: [{ name: "plan", type: "text" }],
    });
    const standardLabel = await request("PUT", "/v1/klasses/company", { label: "Firm", attributes: [] });
    expect(standardLabel.statusCode).toBe(400);
    expect(
      (await request("PUT", "/v1/klasses/company", { attributes: [{ name: "size", type: "number" }] }))
        .statusCode,
    ).toBe(200);
    expect((await request("DELETE", "/v1/klasses/subscription")).statusCode).toBe(204);
    expect((await request("GET", "/v1/klasses/subscription")).statusCode).toBe(404);
    expect((await request("DELETE", "/v1/klasses/customer")).statusCode).toBe(422);
    expect((await request("PUT", "/v1/klasses/nothing", { attributes: [] })).statusCode).toBe(404);
    expect((await request("PUT", "/v1/klasses/nothing/attributes/x", { type: "text" })).statusCode).toBe(404);
  });

  it("lists every invalid field of a Klass", async () => {
    const response = await request("POST", "/v1/klasses", {
      name: "Order!",
      attributes: [
        { name: "1st", type: "text" },
        { name: "status", type: "choice" },
        { name: "total", type: "number", values: ["1"] },
        { name: "kind", type: "list", values: ["A", "a > ", "A"] },
        { name: "when", type: "datetime" },
      ],
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.problems.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/name",
        "/attributes/0/name",
        "/attributes/1/values",
        "/attributes/2/values",
        "/attributes/3/values/1",
        "/attributes/4/type",
      ]),
    );
    const duplicates = await request("POST", "/v1/klasses", {
      name: "ticket",
      attributes: [
        { name: "code", type: "text" },
        { name: "code", type: "number" },
      ],
    });
    expect(duplicates.statusCode).toBe(400);
    expect(duplicates.json().error.problems[0].path).toBe("/attributes/1/name");
    const standardAttribute = await request("PUT", "/v1/klasses/customer", {
      attributes: [{ name: "email", type: "text" }],
    });
    expect(standardAttribute.statusCode).toBe(400);
    expect(standardAttribute.json().error.problems[0].path).toBe("/attributes/0/name");
  });

  it("needs credentials to read and the organization scope to write", async () => {
    expect((await server.request(null, { method: "GET", url: "/v1/klasses" })).statusCode).toBe(401);
    const readOnly = await organization.keyWith(scopes.read);
    expect((await server.request(readOnly, { method: "GET", url: "/v1/klasses/customer" })).statusCode).toBe(
      200,
    );
    const refused = await server.request(readOnly, {
      method: "PUT",
      url: "/v1/klasses/customer/attributes/tier",
      payload: { type: "text" },
    });
    expect(refused.statusCode).toBe(403);
    const records = await organization.keyWith(scopes.recordsWrite, scopes.read);
    expect(
      (await server.request(records, { method: "POST", url: "/v1/klasses", payload: { name: "nope" } }))
        .statusCode,
    ).toBe(403);
  });
});
