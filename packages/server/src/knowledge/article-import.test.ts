import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { knowledgeLimits } from "./knowledge-limits.ts";
import {
  articlesUrl,
  createArticle,
  createBrand,
  createKnowledgeBase,
  expectHarmless,
  hostileHtml,
  importArticles,
  type Json,
  problemsOf,
  revisionOf,
} from "./knowledge-test-support.ts";

describe.each(testDatabases)("importing articles on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let brandId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Imports");
    brandId = await createBrand(server, organization.adminKey, "Acme");
  });
  afterAll(() => server.close());

  async function freshKnowledgeBase(name: string): Promise<string> {
    return (
      await createKnowledgeBase(server, organization.adminKey, { brandId, name, defaultLanguage: "en" })
    ).id;
  }

  async function allArticles(knowledgeBaseId: string) {
    const response = await server.request(organization.adminKey, {
      method: "GET",
      url: `${articlesUrl(knowledgeBaseId)}?limit=200`,
    });
    return response.json().data as Array<Json & { slug: string; language: string; title: string }>;
  }

  it("creates, then updates by language and slug, and leaves identical articles alone", async () => {
    const key = organization.adminKey;
    const knowledgeBaseId = await freshKnowledgeBase("Imported");
    const batch = [
      { title: "Shipping times", body: "Three to five days.", status: "published", categories: ["Shipping"] },
      { title: "Tiempos de envío", body: "De tres a cinco días.", language: "es", status: "published" },
      {
        title: "Returns",
        body: "<p>Thirty days.</p><script>alert(1)</script>",
        bodyFormat: "html",
        slug: "returns",
      },
    ];
    const first = await importArticles(server, key, knowledgeBaseId, batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(first.json().results).toEqual([
      { index: 0, id: expect.any(String), slug: "shipping-times", language: "en", action: "created" },
      { index: 1, id: expect.any(String), slug: "tiempos-de-envio", language: "es", action: "created" },
      { index: 2, id: expect.any(String), slug: "returns", language: "en", action: "created" },
    ]);
    const revision = await revisionOf(server, key, knowledgeBaseId);
    expect(revision).toBe(2);

    // The same files again change nothing, not even the revision caches watch.
    const again = await importArticles(server, key, knowledgeBaseId, batch);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.json().results.map((result: Json) => result.id)).toEqual(
      first.json().results.map((result: Json) => result.id),
    );
    expect(await revisionOf(server, key, knowledgeBaseId)).toBe(revision);

    // An update keeps what the import leaves out (the status here) and takes the rest.
    const changed = await importArticles(server, key, knowledgeBaseId, [
      { title: "Shipping times", body: "Two to four days." },
      { title: "Returns policy", body: "Sixty days.", slug: "returns", visibility: "internal" },
      { title: "New one", body: "New." },
    ]);
    expect(changed.json()).toMatchObject({ created: 1, updated: 2, unchanged: 0 });
    expect(await revisionOf(server, key, knowledgeBaseId)).toBe(revision + 1);
    const [shippingId, , returnsId] = first.json().results.map((result: Json) => result.id);
    const shipping = (
      await server.request(key, { method: "GET", url: `${articlesUrl(knowledgeBaseId)}/${shippingId}` })
    ).json();
    expect(shipping).toMatchObject({
      text: "Two to four days.",
      status: "published",
      categories: ["Shipping"],
    });
    const returns = (
      await server.request(key, { method: "GET", url: `${articlesUrl(knowledgeBaseId)}/${returnsId}` })
    ).json();
    expect(returns).toMatchObject({ title: "Returns policy", visibility: "internal", bodyFormat: "html" });
    expect((await allArticles(knowledgeBaseId)).length).toBe(4);
  });

  it("sanitizes what it imports", async () => {
    const knowledgeBaseId = await freshKnowledgeBase("Sanitized import");
    const response = await importArticles(server, organization.adminKey, knowledgeBaseId, [
      { title: "Hostile", body: hostileHtml, bodyFormat: "html" },
      { title: "Hostile Markdown", body: hostileHtml },
    ]);
    expect(response.statusCode).toBe(200);
    for (const result of response.json().results) {
      const article = (
        await server.request(organization.adminKey, {
          method: "GET",
          url: `${articlesUrl(knowledgeBaseId)}/${result.id}`,
        })
      ).json();
      expectHarmless(article.html);
    }
  });

  it("writes nothing when one article breaks a rule (422 pointing at it)", async () => {
    const key = organization.adminKey;
    const knowledgeBaseId = await freshKnowledgeBase("All or nothing");
    await createArticle(server, key, knowledgeBaseId, { title: "Existing", body: "Before." });
    const revision = await revisionOf(server, key, knowledgeBaseId);
    const response = await importArticles(server, key, knowledgeBaseId, [
      { title: "Existing", body: "After." },
      { title: "Fine", body: "Fine." },
      { title: "Huge", body: "x".repeat(knowledgeLimits.bodyLength + 1) },
      { title: "Twice", body: "one", slug: "twice" },
      { title: "Twice", body: "two", slug: "twice" },
      { title: "Fine", body: "Fine again." },
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe("invalid_import");
    expect(problemsOf(response)).toEqual([
      expect.objectContaining({ path: "/articles/2/body", code: "body_too_long", limit: 200_000 }),
      expect.objectContaining({ path: "/articles/4/slug", code: "duplicate_in_import" }),
      // Without a slug, the title gives it.
      expect.objectContaining({ path: "/articles/5/title", code: "duplicate_in_import" }),
    ]);
    const stored = await allArticles(knowledgeBaseId);
    expect(stored.map((article) => article.title)).toEqual(["Existing"]);
    expect(await revisionOf(server, key, knowledgeBaseId)).toBe(revision);
  });

  it("refuses a malformed article (400) with the pointer of its field", async () => {
    const knowledgeBaseId = await freshKnowledgeBase("Malformed import");
    const response = await importArticles(server, organization.adminKey, knowledgeBaseId, [
      { title: "Good", body: "Good." },
      { title: "", body: "No title.", status: "live" },
    ]);
    expect(response.statusCode).toBe(400);
    expect(problemsOf(response)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: "body", path: "/articles/1/title", code: "too_small" }),
        expect.objectContaining({ path: "/articles/1/status" }),
      ]),
    );
    expect(await allArticles(knowledgeBaseId)).toEqual([]);
    const none = await importArticles(server, organization.adminKey, knowledgeBaseId, []);
    expect(problemsOf(none)).toEqual([expect.objectContaining({ path: "/articles", code: "too_small" })]);
    const tooMany = await importArticles(
      server,
      organization.adminKey,
      knowledgeBaseId,
      Array.from({ length: knowledgeLimits.articlesPerImport + 1 }, (_, index) => ({
        title: `A${index}`,
        body: "x",
      })),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(problemsOf(tooMany)).toEqual([
      expect.objectContaining({ path: "/articles", code: "too_big", limit: 500 }),
    ]);
  });

  it(`takes ${knowledgeLimits.articlesPerImport} articles in one request`, async () => {
    const knowledgeBaseId = await freshKnowledgeBase("Large import");
    const response = await importArticles(
      server,
      organization.adminKey,
      knowledgeBaseId,
      Array.from({ length: knowledgeLimits.articlesPerImport }, (_, index) => ({
        title: `Question ${index}`,
        body: `## Answer ${index}\n\nSee the *details* for question ${index}.`,
        status: "published",
      })),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().created).toBe(knowledgeLimits.articlesPerImport);
  }, 60_000);

  it("answers 404 for another organization's knowledge base", async () => {
    const knowledgeBaseId = await freshKnowledgeBase("Not theirs");
    const other = await server.organization("Import outsider");
    const response = await importArticles(server, other.adminKey, knowledgeBaseId, [
      { title: "Planted", body: "x" },
    ]);
    expect(response.statusCode).toBe(404);
    expect(await allArticles(knowledgeBaseId)).toEqual([]);
  });
});
