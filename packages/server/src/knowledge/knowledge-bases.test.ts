import { randomUUID } from "node:crypto";
import { createAssistantFromTemplate } from "@parley/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { assistants, assistantVersions } from "../database/schema/index.ts";
import { scopes } from "../http/scopes.ts";
import {
  createArticle,
  createBrand,
  createKnowledgeBase,
  getKnowledgeBase,
  patchArticle,
  postKnowledgeBase,
  problemsOf,
  revisionOf,
} from "./knowledge-test-support.ts";
import { knowledgeBaseRevision, listKnowledgeBaseRevisions } from "./published-articles.ts";

describe.each(testDatabases)("knowledge bases on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let brandId: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Help");
    brandId = await createBrand(server, organization.adminKey, "Acme");
  });
  afterAll(() => server.close());

  it("creates, reads, lists, changes and deletes a knowledge base with its articles", async () => {
    const key = organization.adminKey;
    const created = await createKnowledgeBase(server, key, {
      brandId,
      name: "  Acme help  ",
      defaultLanguage: "pt-BR",
      publicUrl: "https://help.acme.example/hc/",
    });
    expect(created).toMatchObject({
      brandId,
      name: "Acme help",
      // Tags are kept lower-case, and the public URL without its trailing slash.
      defaultLanguage: "pt-br",
      publicUrl: "https://help.acme.example/hc",
      revision: 1,
      articleCounts: { total: 0, published: 0, draft: 0, publishedPublic: 0 },
      usedBy: [],
    });
    expect((await getKnowledgeBase(server, key, created.id)).json()).toEqual(created);

    await createArticle(server, key, created.id, { title: "Draft", body: "x" });
    await createArticle(server, key, created.id, { title: "Public", body: "x", status: "published" });
    await createArticle(server, key, created.id, {
      title: "Internal",
      body: "x",
      status: "published",
      visibility: "internal",
    });
    const listed = await server.request(key, { method: "GET", url: "/v1/knowledge-bases?search=acme" });
    expect(listed.statusCode).toBe(200);
    const [item] = listed.json().data;
    expect(item).toMatchObject({
      id: created.id,
      articleCounts: { total: 3, published: 2, draft: 1, publishedPublic: 1 },
      revision: 4,
    });

    const changed = await server.request(key, {
      method: "PATCH",
      url: `/v1/knowledge-bases/${created.id}`,
      payload: { name: "Acme support", publicUrl: null, defaultLanguage: "en" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      name: "Acme support",
      publicUrl: null,
      defaultLanguage: "en",
      brandId,
      revision: 5,
    });

    const deleted = await server.request(key, { method: "DELETE", url: `/v1/knowledge-bases/${created.id}` });
    expect(deleted.statusCode).toBe(204);
    expect((await getKnowledgeBase(server, key, created.id)).statusCode).toBe(404);
    const articles = await server.request(key, {
      method: "GET",
      url: `/v1/knowledge-bases/${created.id}/articles`,
    });
    expect(articles.statusCode).toBe(404);
    expect(
      (await server.request(key, { method: "DELETE", url: `/v1/knowledge-bases/${created.id}` })).statusCode,
    ).toBe(404);
  });

  it("refuses malformed bodies (400) naming every field", async () => {
    const response = await postKnowledgeBase(server, organization.adminKey, {
      brandId: "not-a-uuid",
      name: "x".repeat(121),
      defaultLanguage: "English",
      publicUrl: "ftp://help.example.com",
      colour: "blue",
    });
    expect(response.statusCode).toBe(400);
    const problems = problemsOf(response);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: "body", path: "/brandId" }),
        expect.objectContaining({ path: "/name", code: "too_big", limit: 120 }),
        expect.objectContaining({ path: "/defaultLanguage" }),
        expect.objectContaining({ path: "/publicUrl" }),
        expect.objectContaining({ path: "/colour", code: "unrecognized_key" }),
      ]),
    );
    const missing = await postKnowledgeBase(server, organization.adminKey, { name: "" });
    expect(problemsOf(missing)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "/brandId" }),
        expect.objectContaining({ path: "/name", code: "too_small", limit: 1 }),
      ]),
    );
    const withQuery = await postKnowledgeBase(server, organization.adminKey, {
      brandId,
      name: "Query",
      publicUrl: "https://help.example.com/?lang=en",
    });
    expect(withQuery.statusCode).toBe(400);
    expect(problemsOf(withQuery)).toEqual([expect.objectContaining({ path: "/publicUrl" })]);
  });

  it("refuses a brand the organization does not have (422) and a name taken, ignoring case (409)", async () => {
    const other = await server.organization("Other brands");
    const theirBrand = await createBrand(server, other.adminKey, "Theirs");
    for (const unknown of [theirBrand, randomUUID()]) {
      const response = await postKnowledgeBase(server, organization.adminKey, {
        brandId: unknown,
        name: "KB",
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe("unknown_brand");
      expect(problemsOf(response)).toEqual([
        expect.objectContaining({ in: "body", path: "/brandId", code: "unknown_brand" }),
      ]);
    }
    await createKnowledgeBase(server, organization.adminKey, { brandId, name: "FAQ" });
    const again = await postKnowledgeBase(server, organization.adminKey, { brandId, name: "faq" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("name_taken");
    expect(problemsOf(again)).toEqual([expect.objectContaining({ path: "/name", code: "unique" })]);
    const second = await createKnowledgeBase(server, organization.adminKey, { brandId, name: "FAQ 2" });
    const rename = await server.request(organization.adminKey, {
      method: "PATCH",
      url: `/v1/knowledge-bases/${second.id}`,
      payload: { name: "Faq" },
    });
    expect(rename.statusCode).toBe(409);
    const badBrand = await server.request(organization.adminKey, {
      method: "PATCH",
      url: `/v1/knowledge-bases/${second.id}`,
      payload: { brandId: theirBrand },
    });
    expect(badBrand.statusCode).toBe(422);
  });

  it("counts a revision for every change to it or its articles, for caches in other processes", async () => {
    const key = organization.adminKey;
    const knowledgeBase = await createKnowledgeBase(server, key, { brandId, name: "Revisions" });
    const { database } = server.connection;
    expect(await knowledgeBaseRevision(database, organization.id, knowledgeBase.id)).toBe(1);
    const article = await createArticle(server, key, knowledgeBase.id, { title: "One", body: "one" });
    expect(await revisionOf(server, key, knowledgeBase.id)).toBe(2);
    await patchArticle(server, key, knowledgeBase.id, article.id, { status: "published" });
    expect(await revisionOf(server, key, knowledgeBase.id)).toBe(3);
    await server.request(key, {
      method: "DELETE",
      url: `/v1/knowledge-bases/${knowledgeBase.id}/articles/${article.id}`,
    });
    expect(await revisionOf(server, key, knowledgeBase.id)).toBe(4);
    await server.request(key, {
      method: "PATCH",
      url: `/v1/knowledge-bases/${knowledgeBase.id}`,
      payload: { publicUrl: "https://help.example.com" },
    });
    expect(await knowledgeBaseRevision(database, organization.id, knowledgeBase.id)).toBe(5);
    const revisions = await listKnowledgeBaseRevisions(database, organization.id);
    expect(revisions).toContainEqual({ id: knowledgeBase.id, revision: 5 });
    // Another organization's knowledge base, or a name that is no id at all, has no revision.
    const other = await server.organization("Revision outsider");
    expect(await knowledgeBaseRevision(database, other.id, knowledgeBase.id)).toBeNull();
    expect(await knowledgeBaseRevision(database, organization.id, "default")).toBeNull();
    expect(await listKnowledgeBaseRevisions(database, other.id)).toEqual([]);
  });

  it("keeps a knowledge base whose brand is deleted, without a brand", async () => {
    const key = organization.adminKey;
    const doomed = await createBrand(server, key, "Doomed brand");
    const knowledgeBase = await createKnowledgeBase(server, key, { brandId: doomed, name: "Orphan" });
    await createArticle(server, key, knowledgeBase.id, { title: "Kept", body: "kept" });
    expect((await server.request(key, { method: "DELETE", url: `/v1/brands/${doomed}` })).statusCode).toBe(
      204,
    );
    const read = (await getKnowledgeBase(server, key, knowledgeBase.id)).json();
    expect(read).toMatchObject({ brandId: null, articleCounts: { total: 1 } });
    const filtered = await server.request(key, {
      method: "GET",
      url: `/v1/knowledge-bases?brandId=${brandId}`,
    });
    expect(filtered.json().data.map((item: { id: string }) => item.id)).not.toContain(knowledgeBase.id);
  });

  it("lists the assistants that use it, and refuses deletion while a live version does (409)", async () => {
    const key = organization.adminKey;
    const knowledgeBase = await createKnowledgeBase(server, key, { brandId, name: "Used" });
    const created = await server.request(key, {
      method: "POST",
      url: "/v1/assistants",
      payload: { internalName: "AI help", channel: "chat", type: "premium", template: "respond-with-ai" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const assistant = created.json();
    const imported = await server.request(key, {
      method: "PUT",
      url: `/v1/assistants/${assistant.id}`,
      payload: { definition: assistant.draft, knowledgeBaseMap: { default: knowledgeBase.id } },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await getKnowledgeBase(server, key, knowledgeBase.id)).json().usedBy).toEqual([
      { id: assistant.id, internalName: "AI help", draft: true, live: false },
    ]);

    const published = await server.request(key, {
      method: "POST",
      url: `/v1/assistants/${assistant.id}/publish`,
    });
    expect(published.statusCode, published.body).toBe(201);
    expect((await getKnowledgeBase(server, key, knowledgeBase.id)).json().usedBy).toEqual([
      { id: assistant.id, internalName: "AI help", draft: true, live: true },
    ]);
    const refused = await server.request(key, {
      method: "DELETE",
      url: `/v1/knowledge-bases/${knowledgeBase.id}`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("knowledge_base_in_use");
    expect(refused.json().assistants).toEqual([
      { id: assistant.id, internalName: "AI help", draft: true, live: true },
    ]);

    // Offline, only the draft uses it: the deletion goes ahead (publishing the draft would then fail).
    const offline = await server.request(key, {
      method: "PUT",
      url: `/v1/assistants/${assistant.id}/live`,
      payload: { version: null },
    });
    expect(offline.statusCode, offline.body).toBe(200);
    const deleted = await server.request(key, {
      method: "DELETE",
      url: `/v1/knowledge-bases/${knowledgeBase.id}`,
    });
    expect(deleted.statusCode).toBe(204);
  });

  it("finds article deflections nested in branches of a live version", async () => {
    const key = organization.adminKey;
    const knowledgeBase = await createKnowledgeBase(server, key, { brandId, name: "Nested" });
    const id = randomUUID();
    const definition = createAssistantFromTemplate("tutorial", { id, publicId: `pub-${id}` });
    const [dialog] = definition.dialogs;
    if (!dialog) throw new Error("the tutorial has no dialog");
    const deflection = {
      id: "deflect",
      kind: "article_deflection",
      knowledgeBaseId: knowledgeBase.id,
      redirects: { helped: dialog.id, notHelped: dialog.id, noArticles: dialog.id },
    };
    // Stored as it is: the usage query reads definitions without parsing them.
    const nested = {
      ...definition,
      dialogs: [
        {
          ...dialog,
          interactions: [{ kind: "conditional_branch", paths: [{ interactions: [deflection] }] }],
        },
      ],
    };
    const { database } = server.connection;
    await database.insert(assistants).values({
      id,
      organizationId: organization.id,
      publicId: definition.publicId,
      internalName: "Nested deflection",
      channel: definition.channel,
      type: definition.type,
      draft: definition,
      liveVersion: 1,
    });
    await database
      .insert(assistantVersions)
      .values({ assistantId: id, version: 1, definition: nested as unknown as typeof definition });
    expect((await getKnowledgeBase(server, key, knowledgeBase.id)).json().usedBy).toEqual([
      { id, internalName: "Nested deflection", draft: false, live: true },
    ]);
    const refused = await server.request(key, {
      method: "DELETE",
      url: `/v1/knowledge-bases/${knowledgeBase.id}`,
    });
    expect(refused.statusCode).toBe(409);
  });

  it("reads with org.read, changes with the organization set-up scope, and keeps organizations apart", async () => {
    const reader = await organization.keyWith(scopes.read);
    const knowledgeBase = await createKnowledgeBase(server, organization.adminKey, {
      brandId,
      name: "Scoped",
    });
    expect((await getKnowledgeBase(server, reader, knowledgeBase.id)).statusCode).toBe(200);
    const refused = await postKnowledgeBase(server, reader, { brandId, name: "Not mine to make" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain(scopes.organizationWrite);
    expect((await server.request(null, { method: "GET", url: "/v1/knowledge-bases" })).statusCode).toBe(401);

    const other = await server.organization("Outsider");
    expect((await getKnowledgeBase(server, other.adminKey, knowledgeBase.id)).statusCode).toBe(404);
    const theirList = await server.request(other.adminKey, { method: "GET", url: "/v1/knowledge-bases" });
    expect(theirList.json().data).toEqual([]);
    for (const [method, payload] of [
      ["PATCH", { name: "Taken over" }],
      ["DELETE", undefined],
    ] as const) {
      const response = await server.request(other.adminKey, {
        method,
        url: `/v1/knowledge-bases/${knowledgeBase.id}`,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, method).toBe(404);
    }
    // Names are per organization.
    const theirBrand = await createBrand(server, other.adminKey, "Their brand");
    await createKnowledgeBase(server, other.adminKey, { brandId: theirBrand, name: "Scoped" });
  });
});
