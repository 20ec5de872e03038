import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { eventually } from "../conversations/test-setup.ts";
import { intentModels } from "../database/schema/index.ts";
import { queueNames } from "../jobs/job-queue.ts";
import { cookieFlavors, createdIntent, getIntent, trainedIntent } from "./intent-test-support.ts";
import { trainOrganizationIntents } from "./training-job.ts";

/** Phrases that say what the predefined where_is_my_order says: the review should notice. */
const parcelQuestions = {
  name: "parcel_questions",
  title: "Parcel questions",
  phrases: [
    "where is my order right now",
    "has my order shipped yet",
    "I want to track my order",
    "when will my order arrive",
    "what is the status of my order",
  ],
};

async function storedModelOf(server: TestServer, organizationId: string) {
  const [row] = await server.connection.database
    .select({ trainedFrom: intentModels.trainedFrom, trainedAt: intentModels.trainedAt })
    .from(intentModels)
    .where(eq(intentModels.organizationId, organizationId));
  return row ?? null;
}

describe.each(testDatabases)("intent training on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Cookies");
  });
  afterAll(() => server.close());

  it("trains the organization's model in a job: training, then trained, with the quality review stored", {
    timeout: 120_000,
  }, async () => {
    const { adminKey } = organization;
    const cookies = await createdIntent(server, adminKey, cookieFlavors);
    const parcels = await createdIntent(server, adminKey, parcelQuestions);
    expect(parcels.training.status).toBe("training");
    // Saving a burst of intents queues one training waiting, and one running at most.
    expect(
      (await server.jobs.findJobs(queueNames.intentTraining, { key: organization.id })).length,
    ).toBeLessThanOrEqual(2);
    const pending = await server.request(adminKey, { method: "GET", url: "/v1/intents/review" });
    expect(pending.json()).toMatchObject({ pending: true });

    const trained = await trainedIntent(server, adminKey, parcels.id);
    expect(trained.training).toMatchObject({ status: "trained", error: null, trainedAt: expect.any(String) });
    await trainedIntent(server, adminKey, cookies.id);
    expect((await storedModelOf(server, organization.id))?.trainedFrom).toMatch(/^[0-9a-f]{64}$/);

    const review = (await server.request(adminKey, { method: "GET", url: "/v1/intents/review" })).json();
    expect(review).toMatchObject({ pending: false, reviewedAt: expect.any(String) });
    const aboutParcels = review.warnings.filter(
      (warning: { intent: string; otherIntent?: string }) =>
        warning.intent === "parcel_questions" || warning.otherIntent === "parcel_questions",
    );
    expect(aboutParcels).toContainEqual(
      expect.objectContaining({ rule: "phrase-fits-other-intent", phrase: expect.any(String) }),
    );
    // Nothing among the predefined intents alone: an organization cannot change those.
    for (const warning of review.warnings) {
      expect([warning.intent, warning.otherIntent]).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(cookie_flavors|parcel_questions)$/)]),
      );
    }
    // The intent's own answer carries the comparison once it is trained as it is.
    const read = (await getIntent(server, adminKey, parcels.id)).json();
    expect(read.warnings).toContainEqual(expect.objectContaining({ rule: "phrase-fits-other-intent" }));
    expect(read.warnings).toContainEqual(expect.objectContaining({ rule: "too-few-phrases" }));
  });

  it("trains again on request, and forgets the model when the last custom intent goes", {
    timeout: 120_000,
  }, async () => {
    const other = await server.organization("Retrained");
    const intent = await createdIntent(server, other.adminKey, {
      name: "help",
      title: "Help",
      keywords: { en: ["help"] },
    });
    await trainedIntent(server, other.adminKey, intent.id);
    const before = await storedModelOf(server, other.id);

    const retrain = await server.request(other.adminKey, { method: "POST", url: "/v1/intents/train" });
    expect(retrain.statusCode).toBe(202);
    expect(retrain.json().data).toEqual([
      expect.objectContaining({ training: expect.objectContaining({ status: "training" }) }),
    ]);
    await trainedIntent(server, other.adminKey, intent.id);
    const after = await storedModelOf(server, other.id);
    expect(after?.trainedAt.getTime()).toBeGreaterThan(before?.trainedAt.getTime() ?? 0);
    expect(after?.trainedFrom).toBe(before?.trainedFrom);

    const deleted = await server.request(other.adminKey, {
      method: "DELETE",
      url: `/v1/intents/${intent.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    await eventually(async () => (await storedModelOf(server, other.id)) === null, 60_000);
  });
});

describe.each(testDatabases)("a training and a save at the same time on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(kind);
    // The jobs wait; the test runs the training itself, to save in the middle of it.
    await server.jobs.offWork(queueNames.intentTraining);
  });
  afterAll(() => server.close());

  it("leaves an intent saved after the training read it waiting for the next training", {
    timeout: 120_000,
  }, async () => {
    const organization = await server.organization("Busy");
    const { adminKey } = organization;
    const intent = await createdIntent(server, adminKey, cookieFlavors);

    const training = trainOrganizationIntents(server.connection.database, organization.id);
    // The training reads the intents first, then spends a second or more training.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const saved = await server.request(adminKey, {
      method: "PUT",
      url: `/v1/intents/${intent.id}`,
      payload: { ...cookieFlavors, title: "Cookie flavours" },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await training;

    expect((await getIntent(server, adminKey, intent.id)).json().training).toMatchObject({
      status: "training",
    });
    expect(await storedModelOf(server, organization.id)).not.toBeNull();

    await trainOrganizationIntents(server.connection.database, organization.id);
    expect((await getIntent(server, adminKey, intent.id)).json().training).toMatchObject({
      status: "trained",
    });
  });
});
