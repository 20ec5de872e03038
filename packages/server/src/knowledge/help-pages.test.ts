import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import {
  createArticle,
  createBrand,
  createKnowledgeBase,
  expectHarmless,
  getHelpPage,
  hostileHtml,
  patchArticle,
} from "./knowledge-test-support.ts";
import { publishedPublicArticles } from "./published-articles.ts";

describe.each(testDatabases)("public article pages on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let knowledgeBaseId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Public help");
    const brandId = await createBrand(server, organization.adminKey, "Acme");
    knowledgeBaseId = (
      await createKnowledgeBase(server, organization.adminKey, {
        brandId,
        name: "Acme <Help>",
        defaultLanguage: "en",
      })
    ).id;
  });
  afterAll(() => server.close());

  const page = (slug: string, query = "") => `/help/${knowledgeBaseId}/articles/${slug}${query}`;

  it("serves a published public article without credentials, with a policy that forbids scripts", async () => {
    const article = await createArticle(server, organization.adminKey, knowledgeBaseId, {
      title: "Gift <cards>",
      body: "Gift cards never **expire**.",
      status: "published",
    });
    const response = await getHelpPage(server, article.url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["content-security-policy"]).toContain(
      "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'",
    );
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.body).toContain("<title>Gift &lt;cards&gt; · Acme &lt;Help&gt;</title>");
    expect(response.body).toContain("<p>Gift cards never <strong>expire</strong>.</p>");
    expect(response.body).toContain('<html lang="en">');
    expect(response.body.toLowerCase()).not.toContain("<script");
  });

  it("never serves drafts or internal articles, and says nothing more about them than about nothing", async () => {
    const key = organization.adminKey;
    const draft = await createArticle(server, key, knowledgeBaseId, {
      title: "Upcoming sale",
      body: "Secret.",
    });
    const internal = await createArticle(server, key, knowledgeBaseId, {
      title: "Refund script",
      body: "Agents only.",
      status: "published",
      visibility: "internal",
    });
    const missing = await getHelpPage(server, page("no-such-article"));
    expect(missing.statusCode).toBe(404);
    for (const article of [draft, internal]) {
      const response = await getHelpPage(server, article.url);
      expect(response.statusCode).toBe(404);
      expect(response.body).toBe(missing.body);
      expect(response.headers["content-security-policy"]).toContain("default-src 'none'");
    }
    // Unpublishing takes the page down.
    const published = await createArticle(server, key, knowledgeBaseId, {
      title: "Short-lived",
      body: "Now you see me.",
      status: "published",
    });
    expect((await getHelpPage(server, published.url)).statusCode).toBe(200);
    await patchArticle(server, key, knowledgeBaseId, published.id, { status: "draft" });
    expect((await getHelpPage(server, published.url)).statusCode).toBe(404);
    await patchArticle(server, key, knowledgeBaseId, published.id, {
      status: "published",
      visibility: "internal",
    });
    expect((await getHelpPage(server, published.url)).statusCode).toBe(404);
  });

  it("serves the language asked for, the knowledge base's default otherwise", async () => {
    const key = organization.adminKey;
    await createArticle(server, key, knowledgeBaseId, {
      title: "Delivery",
      body: "English.",
      status: "published",
    });
    const spanish = await createArticle(server, key, knowledgeBaseId, {
      title: "Delivery",
      body: "Español.",
      language: "es",
      status: "published",
    });
    expect(spanish.url).toBe(page("delivery", "?language=es"));
    expect((await getHelpPage(server, page("delivery"))).body).toContain("English.");
    const inSpanish = await getHelpPage(server, page("delivery", "?language=ES"));
    expect(inSpanish.body).toContain("Español.");
    expect(inSpanish.body).toContain('<html lang="es">');
    expect((await getHelpPage(server, page("delivery", "?language=fr"))).statusCode).toBe(404);
    expect((await getHelpPage(server, page("delivery", "?language=%3Cscript%3E"))).statusCode).toBe(404);
  });

  it("answers 404 for malformed and unknown addresses, never 400 or 500", async () => {
    for (const path of [
      `/help/${randomUUID()}/articles/delivery`,
      "/help/not-a-uuid/articles/delivery",
      page("Not%20A%20Slug"),
      page("%3Cscript%3E"),
    ]) {
      const response = await getHelpPage(server, path);
      expect(response.statusCode, path).toBe(404);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    }
  });

  it("leaves nothing that can run on the page of a hostile article", async () => {
    const key = organization.adminKey;
    const html = await createArticle(server, key, knowledgeBaseId, {
      title: "Hostile <script>alert(1)</script>",
      bodyFormat: "html",
      body: hostileHtml,
      status: "published",
    });
    const markdown = await createArticle(server, key, knowledgeBaseId, {
      title: "Hostile Markdown",
      body: `# Title\n\n${hostileHtml}\n\n[x](javascript:alert(1))`,
      status: "published",
    });
    for (const article of [html, markdown]) {
      const response = await getHelpPage(server, article.url);
      expect(response.statusCode).toBe(200);
      expectHarmless(response.body.replace(/<style>[^<]*<\/style>/, ""));
      expect(response.body).toContain("After");
    }
  });

  it("gives answers and deflection only published public articles, with their links", async () => {
    const { database } = server.connection;
    const articles = await publishedPublicArticles(database, organization.id, knowledgeBaseId);
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      const response = await getHelpPage(server, article.url);
      expect(response.statusCode, article.url).toBe(200);
      expect(article.text).not.toContain("<");
    }
    const titles = articles.map((article) => article.title);
    expect(titles).not.toContain("Upcoming sale");
    expect(titles).not.toContain("Refund script");
    expect(titles).not.toContain("Short-lived");
    const spanish = await publishedPublicArticles(database, organization.id, knowledgeBaseId, {
      language: "ES",
      serverUrl: "https://parley.example.com/",
    });
    expect(spanish).toEqual([
      {
        id: expect.any(String),
        title: "Delivery",
        text: "Español.",
        language: "es",
        slug: "delivery",
        url: `https://parley.example.com/help/${knowledgeBaseId}/articles/delivery?language=es`,
        categories: [],
        updatedAt: expect.any(String),
      },
    ]);
    const other = await server.organization("Not the owner");
    expect(await publishedPublicArticles(database, other.id, knowledgeBaseId)).toEqual([]);
    expect(await publishedPublicArticles(database, organization.id, "default")).toEqual([]);
  });
});
