import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { knowledgeBaseArticles } from "../database/schema/index.ts";
import { scopes } from "../http/scopes.ts";
import { knowledgeLimits } from "./knowledge-limits.ts";
import {
  articlesUrl,
  createArticle,
  createBrand,
  createKnowledgeBase,
  expectHarmless,
  hostileHtml,
  importArticles,
  patchArticle,
  postArticle,
  problemsOf,
} from "./knowledge-test-support.ts";

describe.each(testDatabases)("knowledge base articles on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let brandId: string;
  let knowledgeBaseId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Articles");
    brandId = await createBrand(server, organization.adminKey, "Acme");
    knowledgeBaseId = (
      await createKnowledgeBase(server, organization.adminKey, {
        brandId,
        name: "Help",
        defaultLanguage: "en",
      })
    ).id;
  });
  afterAll(() => server.close());

  function get(key: string, url: string) {
    return server.request(key, { method: "GET", url });
  }

  it("creates with defaults, reads, changes, publishes and deletes an article", async () => {
    const key = organization.adminKey;
    const created = await createArticle(server, key, knowledgeBaseId, {
      title: "  Where is my order?  ",
      body: "Orders arrive in **3 to 5** days.\n\nTrack them from the e-mail.",
      categories: ["Shipping", "Orders", "Shipping"],
    });
    expect(created).toMatchObject({
      knowledgeBaseId,
      title: "Where is my order?",
      slug: "where-is-my-order",
      language: "en",
      status: "draft",
      visibility: "public",
      bodyFormat: "markdown",
      categories: ["Shipping", "Orders"],
      publishedAt: null,
      html: "<p>Orders arrive in <strong>3 to 5</strong> days.</p>\n<p>Track them from the e-mail.</p>",
      text: "Orders arrive in 3 to 5 days.\n\nTrack them from the e-mail.",
      url: `/help/${knowledgeBaseId}/articles/where-is-my-order`,
    });
    const read = await get(key, `${articlesUrl(knowledgeBaseId)}/${created.id}`);
    expect(read.json()).toEqual(created);

    const published = await patchArticle(server, key, knowledgeBaseId, created.id, {
      status: "published",
      title: "Where is my parcel?",
    });
    expect(published.statusCode, published.body).toBe(200);
    const publishedArticle = published.json();
    // The slug stays when the title changes, so links already shared keep working.
    expect(publishedArticle).toMatchObject({ title: "Where is my parcel?", slug: "where-is-my-order" });
    expect(publishedArticle.publishedAt).not.toBeNull();
    const unpublished = (
      await patchArticle(server, key, knowledgeBaseId, created.id, { status: "draft" })
    ).json();
    expect(unpublished.publishedAt).toBe(publishedArticle.publishedAt);

    const html = (
      await patchArticle(server, key, knowledgeBaseId, created.id, {
        bodyFormat: "html",
        body: "<h2>Tracking</h2><p>Use the link.</p>",
        slug: "tracking",
        language: "ES",
      })
    ).json();
    expect(html).toMatchObject({
      slug: "tracking",
      language: "es",
      html: "<h2>Tracking</h2><p>Use the link.</p>",
      text: "Tracking\nUse the link.",
      url: `/help/${knowledgeBaseId}/articles/tracking?language=es`,
    });

    const deleted = await server.request(key, {
      method: "DELETE",
      url: `${articlesUrl(knowledgeBaseId)}/${created.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await get(key, `${articlesUrl(knowledgeBaseId)}/${created.id}`)).statusCode).toBe(404);
  });

  it("links to the public help center when the knowledge base has one", async () => {
    const key = organization.adminKey;
    const external = await createKnowledgeBase(server, key, {
      brandId,
      name: "External",
      publicUrl: "https://help.acme.example",
    });
    const article = await createArticle(server, key, external.id, { title: "Gift cards", body: "Yes." });
    expect(article.url).toBe("https://help.acme.example/articles/gift-cards");
  });

  it("refuses malformed bodies (400) naming every field, the rule and the limit", async () => {
    const response = await postArticle(server, organization.adminKey, knowledgeBaseId, {
      title: "x".repeat(301),
      bodyFormat: "rtf",
      language: "English",
      status: "live",
      visibility: "secret",
      categories: ["", "y".repeat(61)],
      slug: "Not A Slug",
      colour: "blue",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("invalid_request");
    const problems = problemsOf(response);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: "body", path: "/title", code: "too_big", limit: 300 }),
        expect.objectContaining({ path: "/body" }),
        expect.objectContaining({ path: "/bodyFormat" }),
        expect.objectContaining({ path: "/language" }),
        expect.objectContaining({ path: "/status" }),
        expect.objectContaining({ path: "/visibility" }),
        expect.objectContaining({ path: "/categories/0", code: "too_small", limit: 1 }),
        expect.objectContaining({ path: "/categories/1", code: "too_big", limit: 60 }),
        expect.objectContaining({ path: "/slug" }),
        expect.objectContaining({ path: "/colour", code: "unrecognized_key" }),
      ]),
    );
    const manyCategories = await postArticle(server, organization.adminKey, knowledgeBaseId, {
      title: "Many categories",
      body: "x",
      categories: Array.from({ length: 11 }, (_, index) => `c${index}`),
    });
    expect(problemsOf(manyCategories)).toEqual([
      expect.objectContaining({ path: "/categories", code: "too_big", limit: 10 }),
    ]);
    const longSlug = await postArticle(server, organization.adminKey, knowledgeBaseId, {
      title: "Long slug",
      body: "x",
      slug: "a".repeat(121),
    });
    expect(problemsOf(longSlug)).toEqual([
      expect.objectContaining({ path: "/slug", code: "too_big", limit: 120 }),
    ]);
    const emptyTitle = await patchArticle(server, organization.adminKey, knowledgeBaseId, randomUUID(), {
      title: " ",
    });
    expect(problemsOf(emptyTitle)).toEqual([expect.objectContaining({ path: "/title", code: "too_small" })]);
  });

  it(`takes bodies of up to ${knowledgeLimits.bodyLength} characters and refuses longer ones (422 at /body)`, async () => {
    const key = organization.adminKey;
    const longest = "a".repeat(knowledgeLimits.bodyLength);
    const fits = await createArticle(server, key, knowledgeBaseId, { title: "Longest", body: longest });
    expect(fits.body).toHaveLength(knowledgeLimits.bodyLength);
    for (const response of [
      await postArticle(server, key, knowledgeBaseId, { title: "Too long", body: `${longest}a` }),
      await patchArticle(server, key, knowledgeBaseId, fits.id, { body: `${longest}é` }),
    ]) {
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe("invalid_article");
      expect(problemsOf(response)).toEqual([
        { in: "body", path: "/body", code: "body_too_long", message: expect.any(String), limit: 200_000 },
      ]);
    }
  });

  it("makes slugs from titles, numbering repeats, and refuses a slug taken in the same language (409)", async () => {
    const key = organization.adminKey;
    const first = await createArticle(server, key, knowledgeBaseId, {
      title: "Returns & refunds",
      body: "a",
    });
    const second = await createArticle(server, key, knowledgeBaseId, {
      title: "Returns: refunds!",
      body: "b",
    });
    expect([first.slug, second.slug]).toEqual(["returns-refunds", "returns-refunds-2"]);
    const spanish = await createArticle(server, key, knowledgeBaseId, {
      title: "Returns refunds",
      body: "c",
      language: "es",
    });
    expect(spanish.slug).toBe("returns-refunds");

    const taken = await postArticle(server, key, knowledgeBaseId, {
      title: "Other",
      body: "d",
      slug: "returns-refunds",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("slug_taken");
    expect(problemsOf(taken)).toEqual([
      expect.objectContaining({ in: "body", path: "/slug", code: "unique" }),
    ]);
    const moved = await patchArticle(server, key, knowledgeBaseId, spanish.id, { language: "en" });
    expect(moved.statusCode).toBe(409);
  });

  it("sanitizes HTML bodies on the way in and renders Markdown to sanitized HTML", async () => {
    const key = organization.adminKey;
    const html = await createArticle(server, key, knowledgeBaseId, {
      title: "Hostile HTML",
      bodyFormat: "html",
      body: hostileHtml,
    });
    expectHarmless(html.body);
    expectHarmless(html.html);
    expect(html.text).toBe("Before\n\njavascript linkentity link\n\nstyled\n\nAfter");
    const markdown = await createArticle(server, key, knowledgeBaseId, {
      title: "Hostile Markdown",
      body: `Intro\n\n${hostileHtml}\n\n[click](javascript:alert(1))`,
    });
    expectHarmless(markdown.html);
    expect(markdown.text).not.toContain("alert");
  });

  it("lists by title with filters and cursor pages, without bodies", async () => {
    const key = organization.adminKey;
    const listed = await createKnowledgeBase(server, key, { brandId, name: "Listed" });
    const articles = [
      { title: "Alpha", body: "a", status: "published", categories: ["Billing"] },
      { title: "Bravo", body: "b", status: "published", visibility: "internal" },
      { title: "Charlie", body: "c", language: "es", status: "published", categories: ["Billing", "Cards"] },
      { title: "Delta", body: "d" },
      { title: "Echo", body: "e", status: "published" },
    ];
    for (const article of articles) await createArticle(server, key, listed.id, article);
    const titles = async (query: string) => {
      const response = await get(key, `${articlesUrl(listed.id)}?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().data.map((article: { title: string }) => article.title);
    };
    expect(await titles("")).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    expect(await titles("status=published&visibility=public")).toEqual(["Alpha", "Charlie", "Echo"]);
    expect(await titles("language=ES")).toEqual(["Charlie"]);
    expect(await titles("category=Billing")).toEqual(["Alpha", "Charlie"]);
    expect(await titles("status=draft")).toEqual(["Delta"]);
    expect(await titles("search=ha")).toEqual(["Alpha", "Charlie"]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page: { data: Array<{ title: string }>; nextCursor: string | null } = (
        await get(key, `${articlesUrl(listed.id)}?limit=2${query}`)
      ).json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      expect(page.data[0]).not.toHaveProperty("body");
      expect(page.data[0]).not.toHaveProperty("text");
      seen.push(...page.data.map((article) => article.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    const bad = await get(key, `${articlesUrl(listed.id)}?status=live&cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ in: "query", path: "/status" }));
  });

  it(`stops at ${knowledgeLimits.articlesPerKnowledgeBase} articles per knowledge base (422 naming the limit)`, async () => {
    const key = organization.adminKey;
    const full = await createKnowledgeBase(server, key, { brandId, name: "Full" });
    const rows = Array.from({ length: knowledgeLimits.articlesPerKnowledgeBase }, (_, index) => ({
      id: randomUUID(),
      organizationId: organization.id,
      knowledgeBaseId: full.id,
      title: `Article ${index}`,
      slug: `article-${index}`,
      language: "en",
      body: "x",
      html: "<p>x</p>",
      text: "x",
    }));
    for (let start = 0; start < rows.length; start += 2000) {
      await server.connection.database.insert(knowledgeBaseArticles).values(rows.slice(start, start + 2000));
    }
    const response = await postArticle(server, key, full.id, { title: "One more", body: "x" });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe("limit_reached");
    expect(problemsOf(response)).toEqual([expect.objectContaining({ code: "limit_reached", limit: 20_000 })]);
    const imported = await importArticles(server, key, full.id, [
      { title: "Article 0", body: "changed" },
      { title: "Brand new", body: "x" },
    ]);
    expect(imported.statusCode).toBe(422);
    expect(problemsOf(imported)).toEqual([
      expect.objectContaining({ path: "/articles", code: "limit_reached", limit: 20_000 }),
    ]);
    // Changing articles is not adding any.
    const [first] = rows;
    if (!first) throw new Error("no rows");
    const patched = await patchArticle(server, key, full.id, first.id, { status: "published" });
    expect(patched.statusCode).toBe(200);
    const updated = await importArticles(server, key, full.id, [{ title: "Article 0", body: "changed" }]);
    expect(updated.json()).toMatchObject({ created: 0, updated: 1 });
  }, 120_000);

  it("reads with org.read, writes with the organization set-up scope, and keeps organizations apart", async () => {
    const key = organization.adminKey;
    const article = await createArticle(server, key, knowledgeBaseId, { title: "Private", body: "x" });
    const reader = await organization.keyWith(scopes.read);
    expect((await get(reader, `${articlesUrl(knowledgeBaseId)}/${article.id}`)).statusCode).toBe(200);
    const refused = await postArticle(server, reader, knowledgeBaseId, { title: "Nope", body: "x" });
    expect(refused.statusCode).toBe(403);

    const other = await server.organization("Article outsider");
    const theirBrand = await createBrand(server, other.adminKey, "Theirs");
    const theirs = await createKnowledgeBase(server, other.adminKey, { brandId: theirBrand, name: "Theirs" });
    const attempts = [
      get(other.adminKey, articlesUrl(knowledgeBaseId)),
      get(other.adminKey, `${articlesUrl(knowledgeBaseId)}/${article.id}`),
      postArticle(server, other.adminKey, knowledgeBaseId, { title: "Planted", body: "x" }),
      patchArticle(server, other.adminKey, knowledgeBaseId, article.id, { title: "Changed" }),
      server.request(other.adminKey, {
        method: "DELETE",
        url: `${articlesUrl(knowledgeBaseId)}/${article.id}`,
      }),
      // Their own knowledge base does not reach into ours.
      get(other.adminKey, `${articlesUrl(theirs.id)}/${article.id}`),
      patchArticle(server, other.adminKey, theirs.id, article.id, { title: "Changed" }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode, response.body).toBe(404);
    expect((await get(key, `${articlesUrl(knowledgeBaseId)}/${article.id}`)).json().title).toBe("Private");
  });
});
