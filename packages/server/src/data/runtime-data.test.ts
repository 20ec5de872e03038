import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { upsertCompany } from "./companies.ts";
import { upsertCustomer } from "./customers.ts";
import { putKlassAttribute } from "./klasses.ts";
import { customerAttributeValues, recentObjects, schedulesById, snippetValues } from "./runtime-data.ts";
import { createSchedule } from "./schedules.ts";
import { createSnippet } from "./snippets.ts";

describe.each(testDatabases)("runtime data for the engine on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server.close());

  it("gives schedules by id and snippet values by name and language, of one organization only", async () => {
    const { database } = server.connection;
    const ours = await server.organization();
    const theirs = await server.organization();
    const schedule = await createSchedule(database, ours.id, {
      name: "Office",
      timeZone: "Europe/Lisbon",
      hours: { monday: [{ start: "22:00", end: "02:00" }] },
      holidays: [{ date: "2026-12-25" }],
    });
    await createSchedule(database, theirs.id, { name: "Theirs", timeZone: "UTC", hours: {}, holidays: [] });
    await createSnippet(database, ours.id, { name: "greeting", values: { en: "Hello", es: "Hola" } });
    await createSnippet(database, theirs.id, { name: "greeting", values: { en: "Not ours" } });

    expect(await schedulesById(database, ours.id)).toEqual({
      [schedule.id]: {
        id: schedule.id,
        name: "Office",
        timeZone: "Europe/Lisbon",
        hours: { monday: [{ start: "22:00", end: "02:00" }] },
        holidays: [{ date: "2026-12-25" }],
      },
    });
    expect(await snippetValues(database, ours.id)).toEqual({ greeting: { en: "Hello", es: "Hola" } });
  });

  it("gives a customer's standard and custom attribute values, and their company's, for conditions", async () => {
    const { database } = server.connection;
    const { id } = await server.organization();
    const other = await server.organization();
    await putKlassAttribute(database, id, "customer", { name: "tier", type: "choice", values: ["Gold"] });
    await putKlassAttribute(database, id, "company", { name: "plan", type: "text" });
    const { company } = await upsertCompany(database, id, {
      name: "Acme",
      domain: "acme.com",
      attributes: { plan: "Pro" },
    });
    const { customer } = await upsertCustomer(database, id, {
      name: "Ana",
      email: "ana@acme.com",
      companyId: company.id,
      attributes: { tier: "Gold" },
    });
    expect(await customerAttributeValues(database, id, customer.id)).toEqual({
      customer: {
        name: "Ana",
        email: "ana@acme.com",
        phone: null,
        defaultLanguage: null,
        company: "Acme",
        tier: "Gold",
      },
      company: { name: "Acme", domain: "acme.com", plan: "Pro" },
    });
    expect(await customerAttributeValues(database, other.id, customer.id)).toEqual({});
    expect(await customerAttributeValues(database, id, "not-an-id")).toEqual({});
  });

  it("finds no objects for an unknown customer or Klass rather than failing", async () => {
    const { database } = server.connection;
    const { id } = await server.organization();
    expect(await recentObjects(database, id, randomUUID(), "order", 3)).toEqual([]);
    expect(await recentObjects(database, id, "not-a-customer-id", "order", 3)).toEqual([]);
  });
});
