import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { queueNames } from "../jobs/job-queue.ts";
import { cookieFlavors, createdIntent, getIntent } from "./intent-test-support.ts";
import { trainOrganizationIntents } from "./training-job.ts";

/** The trainer takes whatever it is given, so a failure has to be made up. */
async function failingTrainer(): Promise<never> {
  throw new Error("the model did not fit in memory");
}

describe.each(testDatabases)("a failed training on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(kind);
    await server.jobs.offWork(queueNames.intentTraining);
  });
  afterAll(() => server.close());

  it("marks the intents that waited for it failed, with the reason", async () => {
    const organization = await server.organization("Failing");
    const intent = await createdIntent(server, organization.adminKey, cookieFlavors);
    await trainOrganizationIntents(server.connection.database, organization.id, { train: failingTrainer });
    const read = (await getIntent(server, organization.adminKey, intent.id)).json();
    expect(read.training).toEqual({
      status: "failed",
      error: "the model did not fit in memory",
      trainedAt: null,
    });
  });
});
