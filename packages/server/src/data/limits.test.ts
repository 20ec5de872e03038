import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { brands, businessSchedules, klasses, snippets, teams } from "../database/schema/index.ts";
import { dataLimits } from "./limits.ts";

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

/** Each limit is filled with one bulk insert, then the next write over HTTP must be refused. */
describe.each(testDatabases)("limits on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization();
  });
  afterAll(() => server.close());

  const expectLimit = async (
    url: string,
    payload: object,
    limit: number,
    what: string,
    method: "POST" | "PUT" = "POST",
  ) => {
    const response = await server.request(organization.adminKey, { method, url, payload });
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe("limit_reached");
    expect(error.message).toContain(`${limit} ${what}`);
    expect(error.problems[0].limit).toBe(limit);
  };

  it(`refuses brand ${dataLimits.brands + 1}`, async () => {
    const organizationId = organization.id;
    await server.connection.database.insert(brands).values(
      range(dataLimits.brands).map((index) => ({
        id: randomUUID(),
        organizationId,
        name: `Brand ${index}`,
      })),
    );
    await expectLimit("/v1/brands", { name: "One too many" }, dataLimits.brands, "brands");
  });

  it(`refuses team ${dataLimits.teams + 1}`, async () => {
    const organizationId = organization.id;
    await server.connection.database
      .insert(teams)
      .values(
        range(dataLimits.teams).map((index) => ({ id: randomUUID(), organizationId, name: `Team ${index}` })),
      );
    await expectLimit("/v1/teams", { name: "One too many" }, dataLimits.teams, "teams");
  });

  it(`refuses custom Klass ${dataLimits.customKlasses + 1}, not counting custom attributes of standard Klasses`, async () => {
    const organizationId = organization.id;
    await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/klasses/customer/attributes/tier",
      payload: { type: "text" },
    });
    await server.connection.database.insert(klasses).values(
      range(dataLimits.customKlasses - 1).map((index) => ({
        id: randomUUID(),
        organizationId,
        name: `klass_${index}`,
      })),
    );
    const last = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/klasses",
      payload: { name: "last" },
    });
    expect(last.statusCode).toBe(201);
    await expectLimit("/v1/klasses", { name: "one_too_many" }, dataLimits.customKlasses, "custom Klasses");
  });

  it(`refuses custom attribute ${dataLimits.attributesPerKlass + 1} of a Klass`, async () => {
    const attributes = range(dataLimits.attributesPerKlass).map((index) => ({
      name: `field${index}`,
      type: "text",
    }));
    const full = await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/klasses/company",
      payload: { attributes },
    });
    expect(full.statusCode).toBe(200);
    await expectLimit(
      "/v1/klasses/company/attributes/oneTooMany",
      { type: "number" },
      dataLimits.attributesPerKlass,
      "custom attributes",
      "PUT",
    );
    // Replacing an existing attribute is not adding one.
    const replaced = await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/klasses/company/attributes/field0",
      payload: { type: "number" },
    });
    expect(replaced.statusCode).toBe(200);
    await expectLimit(
      "/v1/klasses/company",
      { attributes: [...attributes, { name: "oneTooMany", type: "text" }] },
      dataLimits.attributesPerKlass,
      "custom attributes",
      "PUT",
    );
  });

  it(`refuses business schedule ${dataLimits.businessSchedules + 1}`, async () => {
    const organizationId = organization.id;
    await server.connection.database.insert(businessSchedules).values(
      range(dataLimits.businessSchedules).map((index) => ({
        id: randomUUID(),
        organizationId,
        name: `Schedule ${index}`,
        timeZone: "UTC",
      })),
    );
    await expectLimit(
      "/v1/business-schedules",
      { name: "One too many", timeZone: "UTC", hours: {} },
      dataLimits.businessSchedules,
      "business schedules",
    );
  });

  it(`refuses snippet ${dataLimits.snippets + 1}`, async () => {
    const organizationId = organization.id;
    await server.connection.database.insert(snippets).values(
      range(dataLimits.snippets).map((index) => ({
        id: randomUUID(),
        organizationId,
        name: `snippet${index}`,
        values: { en: "x" },
      })),
    );
    await expectLimit(
      "/v1/snippets",
      { name: "oneTooMany", values: { en: "x" } },
      dataLimits.snippets,
      "snippets",
    );
  });

  it("lets only one of many simultaneous creations take the last place", async () => {
    const fresh = await server.organization();
    const organizationId = fresh.id;
    await server.connection.database.insert(brands).values(
      range(dataLimits.brands - 1).map((index) => ({
        id: randomUUID(),
        organizationId,
        name: `Brand ${index}`,
      })),
    );
    const responses = await Promise.all(
      range(5).map((index) =>
        server.request(fresh.adminKey, {
          method: "POST",
          url: "/v1/brands",
          payload: { name: `Last ${index}` },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 422, 422, 422, 422]);
  });

  it("counts each organization on its own", async () => {
    const other = await server.organization();
    const response = await server.request(other.adminKey, {
      method: "POST",
      url: "/v1/snippets",
      payload: { name: "first", values: { en: "x" } },
    });
    expect(response.statusCode).toBe(201);
  });
});
