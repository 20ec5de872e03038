import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  articlesUrl,
  createBrand,
  createKnowledgeBase,
  getKnowledgeBase,
} from "../../server/src/knowledge/knowledge-test-support.ts";
import { createTestServer, type TestOrganization, type TestServer } from "../../server/test/test-server.ts";
import {
  createTempDirectory,
  type ParleyRun,
  runParleyHere as parley,
  stackTraceLine,
} from "./run-parley.ts";

const demoFolder = fileURLToPath(new URL("../../server/src/bootstrap/demo-help-center/", import.meta.url));

type Json = Record<string, unknown>;

// Importing 1,201 articles renders and stores each one; on a busy machine that takes a while.
describe("parley kb import against a running server", { timeout: 120_000 }, () => {
  let server: TestServer;
  let url: string;
  let organization: TestOrganization;
  let brandId: string;
  let directory: ReturnType<typeof createTempDirectory>;
  const fetchSpy = vi.spyOn(globalThis, "fetch");

  beforeAll(async () => {
    directory = createTempDirectory();
    server = await createTestServer("pglite");
    url = await server.listen();
    organization = await server.organization("Help center");
    brandId = await createBrand(server, organization.adminKey, "Demo Store");
  });
  afterAll(async () => {
    fetchSpy.mockRestore();
    await server.close();
    directory.remove();
  });
  afterEach(() => fetchSpy.mockClear());

  const file = (name: string, text: string) => {
    const path = join(directory.path, name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
    return path;
  };

  async function knowledgeBase(name: string): Promise<string> {
    const created = await createKnowledgeBase(server, organization.adminKey, {
      brandId,
      name,
      defaultLanguage: "en",
    });
    return created.id;
  }

  function importing(knowledgeBaseId: string, ...args: string[]): Promise<ParleyRun> {
    return parley(
      "kb",
      "import",
      "--knowledge-base",
      knowledgeBaseId,
      ...args,
      "--server",
      url,
      "--key",
      organization.adminKey,
    );
  }

  function importRequests(): number {
    return fetchSpy.mock.calls.filter(([target]) => String(target).endsWith("/articles/import")).length;
  }

  async function allArticles(knowledgeBaseId: string): Promise<Json[]> {
    const articles: Json[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = (
        await server.request(organization.adminKey, {
          method: "GET",
          url: `${articlesUrl(knowledgeBaseId)}?limit=200${query}`,
        })
      ).json() as { data: Json[]; nextCursor: string | null };
      articles.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return articles;
  }

  it("imports the demo help center folder, published, and a second run changes nothing", async () => {
    const id = await knowledgeBase("Demo help center");
    const folder = join(directory.path, "demo");
    cpSync(demoFolder, join(folder, "nested"), { recursive: true });
    file("demo/.git/ignored.md", "# Not an article");

    const run = await importing(id, folder, "--publish");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `Imported 37 articles from 37 files into "Demo help center" (${id}): 37 created, 0 updated, 0 unchanged\n`,
    );
    expect(importRequests()).toBe(1);

    const articles = await allArticles(id);
    expect(articles).toHaveLength(37);
    expect(new Set(articles.map((article) => article.status))).toEqual(new Set(["published"]));
    const returns = articles.find((article) => article.slug === "return-policy" && article.language === "en");
    expect(returns).toMatchObject({ title: "What is your return policy?", categories: ["Returns"] });
    const full = await server.request(organization.adminKey, {
      method: "GET",
      url: `${articlesUrl(id)}/${returns?.id}`,
    });
    expect(full.json().body).toContain("You can return most items within **30 days of delivery**");
    expect(full.json().body).not.toContain("title:");
    expect(articles.filter((article) => article.language === "es")).toHaveLength(4);

    const again = await importing(id, folder);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("0 created, 0 updated, 37 unchanged");
  });

  it("sends 1,201 articles in three requests of at most 500, with progress on stderr", async () => {
    const id = await knowledgeBase("Generated");
    const lines = Array.from({ length: 1201 }, (_, index) =>
      JSON.stringify({
        title: `Generated article ${index + 1}`,
        body: `Paragraph ${index + 1} about shipping and returns.`,
        status: index % 2 === 0 ? "published" : "draft",
      }),
    );
    const run = await importing(id, file("generated.jsonl", `${lines.join("\n")}\n`));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "imported 500/1,201 articles\nimported 1,000/1,201 articles\nimported 1,201/1,201 articles\n",
    );
    expect(run.stdout).toContain("Imported 1,201 articles from 1 file");
    expect(run.stdout).toContain("1,201 created, 0 updated, 0 unchanged");
    expect(importRequests()).toBe(3);
    const counts = (await getKnowledgeBase(server, organization.adminKey, id)).json().articleCounts;
    expect(counts).toMatchObject({ total: 1201, published: 601, draft: 600 });
  });

  it("lists every problem of every file with file:line and field, and sends nothing", async () => {
    const id = await knowledgeBase("Refused");
    const markdown = file(
      "bad/returns.md",
      "---\ntitle: Returns\nslug: Return Policy\nauthor: Sam\n---\nText",
    );
    const csv = file("bad/faq.csv", "title,body,status\nGood,Text,draft\n,No title,\nLive,Text,live\n");
    file("bad/more.jsonl", '{"title": "Fine", "body": "x"}\n{"title": "Returns", "body": "again"}\n');
    const run = await importing(id, join(directory.path, "bad"));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(stackTraceLine);
    expect(run.stderr.split("\n")).toEqual([
      `warning: ${markdown}:4: author: is not an article field, so it is ignored`,
      `error: 3 problems in 2 files; nothing was sent:`,
      `${csv}:3 (row 2): title: must not be empty`,
      `${csv}:4 (row 3): status: must be one of: draft, published`,
      `${markdown}:3: slug: must be lower-case letters and digits joined by single hyphens, such as return-policy`,
      "",
    ]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("refuses two files that give the same title in the same language before sending", async () => {
    const id = await knowledgeBase("Duplicates");
    const first = file("twice/a.md", "# Gift cards\nOne");
    const second = file("twice/b.md", "# gift cards\nTwo");
    const run = await importing(id, first, second);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${second}:1: title: has the title "gift cards", as ${first}:1 does`);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("points the server's problems back at the file and line of the article", async () => {
    const id = await knowledgeBase("Server problems");
    // Different titles that make the same slug: only the server knows how slugs are made.
    const csv = file("server.csv", "title,body\nReturns!,One\nReturns?,Two\n");
    const run = await importing(id, csv);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("failed with HTTP 422");
    expect(run.stderr).toContain(`  ${csv}:3 (row 2): title: gives the slug returns in en`);
    expect(run.stderr).toContain("(duplicate_in_import)");
    expect(run.stderr).toContain("Nothing was imported.");
    expect(await allArticles(id)).toEqual([]);
  });

  it("with --dry-run, counts what would be sent and calls no server", async () => {
    const folder = file("dry/one.md", "---\ntitle: Uno\nlanguage: es\n---\nTexto");
    file("dry/two.csv", "title,body,status\nTwo,Text,published\nThree,Text,\n");
    const run = await parley("kb", "import", join(folder, ".."), "--dry-run", "--visibility", "internal");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(run.stdout).toContain(
      "Dry run: 3 articles from 2 files would be sent to the knowledge base in 1 request; nothing was sent.",
    );
    expect(run.stdout).toMatch(/^\(the knowledge base's default language\) +2$/m);
    expect(run.stdout).toMatch(/^es +1$/m);
    expect(run.stdout).toMatch(/^published +1$/m);
    expect(run.stdout).toMatch(/^internal +3$/m);
  });

  it("refuses bad options before reading files, and names an unknown knowledge base", async () => {
    const article = file("ok.md", "# Fine\nText");
    const missing = await parley("kb", "import", article, "--key", "k");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--knowledge-base <id> is required");
    const notAnId = await parley("kb", "import", article, "--knowledge-base", "kb-1", "--key", "k");
    expect(notAnId.stderr).toContain('option --knowledge-base: "kb-1" is not a knowledge base id');
    const both = await parley("kb", "import", article, "--publish", "--status", "draft", "--dry-run");
    expect(both.status).toBe(2);
    const unreadable = await parley("kb", "import", join(directory.path, "nowhere"), "--dry-run");
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toContain("no such file or directory");

    const unknown = await importing("00000000-0000-4000-8000-000000000000", article);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^error: GET \/v1\/knowledge-bases\/0{8}-.* failed with HTTP 404/);
    expect(importRequests()).toBe(0);
  });
});
