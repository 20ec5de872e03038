import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";
import {
  type CreatedAssistant,
  createAssistant,
  type Json,
  problemPaths,
  publish,
  saveDraft,
} from "./test-requests.ts";

/** Spec 16: copy an assistant from one organization (or instance) to another through the API. */
describe.each(testDatabases)("assistant migration on %s", (kind) => {
  let server: TestServer;
  let sandbox: TestOrganization;
  let production: TestOrganization;
  let original: CreatedAssistant;
  let exported: Json & { draft: Json & { dialogs: Json[] } };

  beforeAll(async () => {
    server = await createTestServer(kind);
    sandbox = await server.organization("Sandbox");
    production = await server.organization("Production");
    original = await createAssistant(server, sandbox.adminKey, {
      internalName: "Answers",
      template: "respond-with-ai",
    });
    const withDeflection = structuredClone(original.draft);
    withDeflection.dialogs.push({
      id: "articles",
      name: "Articles",
      interactions: [],
      end: {
        id: "articles-deflection",
        kind: "article_deflection",
        knowledgeBaseId: "kb-help-center",
        redirects: { helped: "welcome", notHelped: "welcome", noArticles: "welcome" },
      },
    });
    const saved = await saveDraft(server, sandbox.adminKey, original.id, withDeflection);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await publish(server, sandbox.adminKey, original.id)).statusCode).toBe(201);

    // What a person copies from the browser: GET /v1/assistants?publicId=… with a read-only key.
    const reader = await sandbox.keyWith(scopes.read);
    const response = await server.request(reader, {
      method: "GET",
      url: `/v1/assistants?publicId=${original.publicId}`,
    });
    expect(response.statusCode).toBe(200);
    exported = response.json().data[0];
  });
  afterAll(() => server.close());

  const importInto = (id: string, body: unknown, key = production.adminKey) =>
    server.request(key, { method: "PUT", url: `/v1/assistants/${id}`, payload: body as Json });

  const knowledgeBaseIds = (definition: { dialogs: Json[] }) =>
    definition.dialogs.flatMap((dialog) => {
      const end = dialog.end as { knowledgeBaseId?: string } | null;
      return end?.knowledgeBaseId ? [end.knowledgeBaseId] : [];
    });

  it("exports the full definition and imports it into another organization, rewriting ids and knowledge bases", async () => {
    expect(knowledgeBaseIds(exported.draft).sort()).toEqual(["default", "kb-help-center"]);
    const target = await createAssistant(server, production.adminKey, { internalName: "Placeholder" });
    const response = await importInto(target.id, {
      definition: exported.draft,
      knowledgeBaseMap: { default: "kb-production", "kb-help-center": "kb-production-articles" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const imported = response.json();
    expect(imported).toMatchObject({ id: target.id, publicId: target.publicId, internalName: "Answers" });
    expect(imported.draft.id).toBe(target.id);
    expect(imported.draft.publicId).toBe(target.publicId);
    for (const dialog of imported.draft.dialogs) expect(dialog.assistantId).toBe(target.id);
    expect(knowledgeBaseIds(imported.draft).sort()).toEqual(["kb-production", "kb-production-articles"]);
    expect(imported.draft.dialogs.map((dialog: { id: string }) => dialog.id)).toEqual(
      exported.draft.dialogs.map((dialog) => dialog.id),
    );
    expect((await publish(server, production.adminKey, target.id)).statusCode).toBe(201);

    const source = await server.request(sandbox.adminKey, {
      method: "GET",
      url: `/v1/assistants/${original.id}`,
    });
    expect(source.json().draft).toEqual(exported.draft);
  });

  it("accepts the definition itself, the exported assistant, and the whole list response", async () => {
    const target = await createAssistant(server, production.adminKey, { internalName: "Forms" });
    for (const body of [exported.draft, exported, { data: [exported], nextCursor: null }]) {
      const response = await importInto(target.id, body);
      expect(response.statusCode, response.body).toBe(200);
      const imported = response.json();
      expect(imported.draft.id).toBe(target.id);
      expect(imported.draft.dialogs[0].assistantId).toBe(target.id);
      expect(knowledgeBaseIds(imported.draft).sort()).toEqual(["default", "kb-help-center"]);
    }
  });

  it("refuses a knowledge base missing from the map (400 naming it) and saves nothing", async () => {
    const target = await createAssistant(server, production.adminKey, { internalName: "Partial map" });
    const response = await importInto(target.id, {
      definition: exported.draft,
      knowledgeBaseMap: { default: "kb-production" },
    });
    expect(response.statusCode).toBe(400);
    const [problem] = response.json().error.problems;
    const index = exported.draft.dialogs.findIndex((dialog) => dialog.id === "articles");
    expect(problem).toMatchObject({
      in: "body",
      path: `/definition/dialogs/${index}/end/knowledgeBaseId`,
      code: "knowledge_base_not_mapped",
    });
    expect(problem.message).toContain("kb-help-center");
    const unchanged = await server.request(production.adminKey, {
      method: "GET",
      url: `/v1/assistants/${target.id}`,
    });
    expect(unchanged.json().draftRevision).toBe(1);

    const badMap = await importInto(target.id, {
      definition: exported.draft,
      knowledgeBaseMap: { default: "" },
    });
    expect(problemPaths(badMap)).toEqual(["/knowledgeBaseMap/default"]);
  });

  it("points schema problems into the body as sent, and honours If-Match", async () => {
    const target = await createAssistant(server, production.adminKey, { internalName: "Checks" });
    const broken = { ...exported.draft, channel: "pigeon" };
    const invalid = await importInto(target.id, { definition: broken, knowledgeBaseMap: {} });
    expect(invalid.statusCode).toBe(400);
    expect(problemPaths(invalid)).toEqual(expect.arrayContaining(["/definition/channel"]));

    const stale = await server.request(production.adminKey, {
      method: "PUT",
      url: `/v1/assistants/${target.id}`,
      payload: exported.draft,
      headers: { "if-match": '"5"' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.id).toBe(target.id);
  });
});
