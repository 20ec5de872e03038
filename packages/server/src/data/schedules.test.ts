import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";

const officeHours = {
  name: "Office hours",
  timeZone: "America/New_York",
  hours: {
    monday: [{ start: "09:00", end: "17:00" }],
    friday: [
      { start: "09:00", end: "12:00" },
      { start: "22:00", end: "02:00" },
    ],
    saturday: [{ start: "00:00", end: "24:00" }],
  },
  holidays: [{ date: "2026-12-25", name: "Christmas" }],
};

describe.each(testDatabases)("business schedules on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization();
  });
  afterAll(() => server.close());

  it("creates, gets, lists, replaces and deletes a schedule; ranges may cross midnight", async () => {
    const key = organization.adminKey;
    const created = await server.request(key, {
      method: "POST",
      url: "/v1/business-schedules",
      payload: officeHours,
    });
    expect(created.statusCode).toBe(201);
    const schedule = created.json();
    expect(schedule).toMatchObject(officeHours);
    const url = `/v1/business-schedules/${schedule.id}`;
    expect((await server.request(key, { method: "GET", url })).json()).toEqual(schedule);
    const listed = await server.request(key, { method: "GET", url: "/v1/business-schedules?search=office" });
    expect(listed.json().data.map((item: { id: string }) => item.id)).toEqual([schedule.id]);
    const replaced = await server.request(key, {
      method: "PUT",
      url,
      payload: {
        name: "Lisbon",
        timeZone: "Europe/Lisbon",
        hours: { sunday: [{ start: "10:00", end: "14:00" }] },
      },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ name: "Lisbon", timeZone: "Europe/Lisbon", holidays: [] });
    expect(replaced.json().hours).toEqual({ sunday: [{ start: "10:00", end: "14:00" }] });
    expect((await server.request(key, { method: "DELETE", url })).statusCode).toBe(204);
    expect((await server.request(key, { method: "GET", url })).statusCode).toBe(404);
  });

  it("lists every invalid field: unknown zone, bad hours, impossible dates, unknown weekdays", async () => {
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/business-schedules",
      payload: {
        name: "",
        timeZone: "Mars/Olympus_Mons",
        hours: {
          monday: [{ start: "9:00", end: "17:00" }],
          tuesday: [{ start: "10:00", end: "25:00" }],
          wednesday: [{ start: "10:00", end: "10:00" }],
          funday: [],
        },
        holidays: [{ date: "2026-02-30" }],
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.problems.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/name",
        "/timeZone",
        "/hours/monday/0/start",
        "/hours/tuesday/0/end",
        "/hours/wednesday/0/end",
        "/holidays/0/date",
      ]),
    );
    expect(paths).toContain("/hours/funday");
  });

  it("needs credentials to read and the organization scope to write", async () => {
    expect((await server.request(null, { method: "GET", url: "/v1/business-schedules" })).statusCode).toBe(
      401,
    );
    const readOnly = await organization.keyWith(scopes.read);
    const refused = await server.request(readOnly, {
      method: "POST",
      url: "/v1/business-schedules",
      payload: officeHours,
    });
    expect(refused.statusCode).toBe(403);
  });
});
