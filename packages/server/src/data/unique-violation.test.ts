import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { customers } from "../database/schema/index.ts";
import { ApiError } from "../http/errors.ts";
import { withUniqueFields } from "./unique-violation.ts";

describe.each(testDatabases)("unique indexes as the last check on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server.close());

  it("turns a write that lost a race for a unique value into the 409 of that field", async () => {
    const { database } = server.connection;
    const { id: organizationId } = await server.organization();
    const insert = () =>
      database.insert(customers).values({ id: randomUUID(), organizationId, email: "race@example.com" });
    await insert();
    const fields = { customers_email: "email" };
    const refused = await withUniqueFields("customer", fields, insert).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ statusCode: 409, code: "email_taken", problems: [{ path: "/email" }] });
    const other = await withUniqueFields("customer", {}, insert).catch((error: unknown) => error);
    expect(other).not.toBeInstanceOf(ApiError);
  });
});
