import { randomUUID } from "node:crypto";
import { intentLimits } from "@parley/nlu";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { intents } from "../database/schema/index.ts";
import { scopes } from "../http/scopes.ts";
import { queueNames } from "../jobs/job-queue.ts";
import {
  cookieFlavors,
  createdIntent,
  getIntent,
  type Json,
  postIntent,
  problemsOf,
} from "./intent-test-support.ts";

describe.each(testDatabases)("custom intents on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Cookies");
  });
  afterAll(() => server.close());

  /** A valid intent of keywords only, with a name of its own. */
  function keywordIntent(name: string, keywords: Record<string, string[]>): Json {
    return { name, title: name, keywords };
  }

  it("creates, reads, lists, replaces and deletes an intent, queuing training at each save", async () => {
    const created = await createdIntent(server, organization.adminKey, {
      ...cookieFlavors,
      name: "flavors",
      keywords: { en: ["  ingredient  ", "gluten free"], es: [] },
    });
    expect(created).toMatchObject({
      name: "flavors",
      title: "Cookie flavors",
      phrases: cookieFlavors.phrases,
      // Trimmed, and a language without keywords is not kept.
      keywords: { en: ["ingredient", "gluten free"] },
      keywordLanguages: ["en"],
      training: { status: "training", error: null, trainedAt: null },
      usedBy: [],
    });
    expect(created.warnings).toEqual([]);

    const read = await getIntent(server, organization.adminKey, created.id);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: created.id, name: "flavors" });
    const listed = await server.request(organization.adminKey, { method: "GET", url: "/v1/intents" });
    expect(listed.json().data.map((intent: { name: string }) => intent.name)).toContain("flavors");

    const fewerPhrases = cookieFlavors.phrases.slice(0, 6);
    const replaced = await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/intents/${created.id}`,
      payload: {
        ...cookieFlavors,
        name: "cookie_questions",
        phrases: fewerPhrases,
        keywords: { es: ["sabor"] },
      },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      name: "cookie_questions",
      phrases: fewerPhrases,
      keywordLanguages: ["es"],
      training: { status: "training" },
    });
    // Its own phrases are reviewed at once: six phrases are enough to train, fewer than recommended.
    expect(replaced.json().warnings).toContainEqual(
      expect.objectContaining({ rule: "too-few-phrases", intent: "cookie_questions" }),
    );

    const jobs = await server.jobs.findJobs(queueNames.intentTraining, { key: organization.id });
    expect(jobs.length).toBeGreaterThan(0);

    const deleted = await server.request(organization.adminKey, {
      method: "DELETE",
      url: `/v1/intents/${created.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await getIntent(server, organization.adminKey, created.id)).statusCode).toBe(404);
  });

  it("lists the 26 predefined intents of spec 08 by their snake_case names", async () => {
    const response = await server.request(organization.adminKey, {
      method: "GET",
      url: "/v1/intents/predefined",
    });
    expect(response.statusCode).toBe(200);
    const predefined = response.json().data as Array<Record<string, string>>;
    expect(predefined).toHaveLength(26);
    expect(predefined).toContainEqual({
      name: "where_is_my_order",
      title: "Where is my order",
      description: expect.any(String),
      example: expect.any(String),
    });
    for (const intent of predefined) expect(intent.name).toMatch(/^[a-z][a-z_]+$/);
  });

  it("refuses malformed bodies (400) naming the field, the rule and the limit", async () => {
    const response = await postIntent(server, organization.adminKey, {
      name: "Cookie Flavors",
      title: "",
      phrases: ["x".repeat(501)],
      keywords: { English: ["flavor"] },
      colour: "blue",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("invalid_request");
    const problems = problemsOf(response);
    expect(problems).toContainEqual(expect.objectContaining({ in: "body", path: "/name" }));
    expect(problems).toContainEqual(expect.objectContaining({ path: "/title", code: "too_small", limit: 1 }));
    expect(problems).toContainEqual(
      expect.objectContaining({ path: "/phrases/0", code: "too_big", limit: 500 }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ path: "/colour", code: "unrecognized_key" }));
    expect(problems.some((problem) => problem.path.startsWith("/keywords"))).toBe(true);
  });

  it("refuses what breaks spec 18's rules (422), listing every problem with its pointer, rule and limit", async () => {
    const sixteen = Array.from({ length: 16 }, (_, index) => `word${index}`);
    const response = await postIntent(server, organization.adminKey, {
      name: "where_is_my_order",
      title: "Mine",
      phrases: ["one phrase", "two phrases", "three phrases"],
      keywords: {
        en: sixteen,
        es: ["a", "x".repeat(36), "!!", "sabor", "Sabores"],
        "en-GB": ["flavour"],
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe("invalid_intent");
    const problems = problemsOf(response);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: "body", path: "/name", code: "predefined_intent" }),
        expect.objectContaining({
          path: "/phrases",
          code: "too_few_phrases",
          limit: intentLimits.minPhrases,
        }),
        expect.objectContaining({ path: "/keywords/en", code: "too_many_keywords", limit: 15 }),
        expect.objectContaining({ path: "/keywords/es/0", code: "keyword_too_short", limit: 2 }),
        expect.objectContaining({ path: "/keywords/es/1", code: "keyword_too_long", limit: 35 }),
        expect.objectContaining({ path: "/keywords/es/2", code: "keyword_without_words" }),
        // "Sabores" is "sabor" once case and plurals are folded, as the matcher folds them.
        expect.objectContaining({ path: "/keywords/es/4", code: "duplicate_keyword" }),
        expect.objectContaining({ path: "/keywords/en-GB", code: "duplicate_language" }),
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it("needs keywords or phrases: an intent of keywords only is fine, an empty one is not", async () => {
    const empty = await postIntent(server, organization.adminKey, { name: "nothing", title: "Nothing" });
    expect(empty.statusCode).toBe(422);
    expect(problemsOf(empty)).toEqual([
      expect.objectContaining({ path: "", code: "intent_without_examples", limit: intentLimits.minPhrases }),
    ]);
    const keywordsOnly = await createdIntent(
      server,
      organization.adminKey,
      keywordIntent("help", { en: ["help"] }),
    );
    expect(keywordsOnly.warnings).toEqual([]);
  });

  it("refuses a keyword another intent has, however it is written, in the same language only", async () => {
    await createdIntent(
      server,
      organization.adminKey,
      keywordIntent("shipping_costs", { en: ["shipping cost"] }),
    );
    const clash = await postIntent(
      server,
      organization.adminKey,
      keywordIntent("postage", { en: ["postage", "Shipping-Costs!"] }),
    );
    expect(clash.statusCode).toBe(422);
    expect(problemsOf(clash)).toEqual([
      expect.objectContaining({ path: "/keywords/en/1", code: "keyword_taken" }),
    ]);
    expect(clash.json().error.problems[0].message).toContain("shipping_costs");
    // The same words in Spanish are another language's keyword.
    await createdIntent(server, organization.adminKey, keywordIntent("envio", { es: ["shipping cost"] }));
  });

  it("refuses a name another intent has (409)", async () => {
    await createdIntent(server, organization.adminKey, keywordIntent("returns", { en: ["return label"] }));
    const again = await postIntent(
      server,
      organization.adminKey,
      keywordIntent("returns", { en: ["refund slip"] }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("name_taken");
    expect(problemsOf(again)).toEqual([expect.objectContaining({ path: "/name", code: "unique" })]);
  });

  it(`stops at ${intentLimits.maxIntents} custom intents per organization (422 naming the limit)`, async () => {
    const full = await server.organization("Full");
    await server.connection.database.insert(intents).values(
      Array.from({ length: intentLimits.maxIntents }, (_, index) => ({
        id: randomUUID(),
        organizationId: full.id,
        name: `intent_${index}`,
        title: `Intent ${index}`,
        keywords: { en: [`keyword ${index}`] },
      })),
    );
    const response = await postIntent(server, full.adminKey, keywordIntent("one_more", { en: ["one more"] }));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe("limit_reached");
    expect(problemsOf(response)).toEqual([expect.objectContaining({ code: "limit_reached", limit: 80 })]);
  });

  it("reads with org.read, changes with the assistants' scope, and keeps organizations apart", async () => {
    const reader = await organization.keyWith(scopes.read);
    const intent = await createdIntent(
      server,
      organization.adminKey,
      keywordIntent("opening_hours", { en: ["open"] }),
    );
    expect((await getIntent(server, reader, intent.id)).statusCode).toBe(200);
    const refused = await postIntent(server, reader, keywordIntent("closing_hours", { en: ["closed"] }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain(scopes.assistantsWrite);

    const other = await server.organization("Other");
    expect((await getIntent(server, other.adminKey, intent.id)).statusCode).toBe(404);
    const theirs = await server.request(other.adminKey, { method: "GET", url: "/v1/intents" });
    expect(theirs.json().data).toEqual([]);
    // Names and keywords are per organization.
    await createdIntent(server, other.adminKey, keywordIntent("opening_hours", { en: ["open"] }));
  });
});
