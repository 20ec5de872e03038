import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { createAssistant, problemPaths, publish } from "./test-requests.ts";

describe.each(testDatabases)("assistants on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Assistants");
  });
  afterAll(() => server.close());

  const list = async (query: string, key = organization.adminKey) => {
    const response = await server.request(key, { method: "GET", url: `/v1/assistants${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { data: Array<Record<string, unknown>>; nextCursor: string | null };
  };

  it("creates an assistant with Welcome and Complete Assistant, its ids everywhere", async () => {
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/assistants",
      payload: {
        internalName: "Web help",
        description: "Front page",
        publicName: "Helper",
        channel: "chat",
        type: "lite",
      },
    });
    expect(response.statusCode).toBe(201);
    const assistant = response.json();
    expect(response.headers.etag).toBe('"1"');
    expect(assistant).toMatchObject({
      internalName: "Web help",
      description: "Front page",
      publicName: "Helper",
      channel: "chat",
      type: "lite",
      status: "draft",
      liveVersion: null,
      draftRevision: 1,
    });
    expect(assistant.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(assistant.publicId).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const { draft } = assistant;
    expect(draft).toMatchObject({ id: assistant.id, publicId: assistant.publicId, internalName: "Web help" });
    expect(draft.dialogs.map((dialog: { name: string }) => dialog.name)).toEqual([
      "Welcome",
      "Complete Assistant",
    ]);
    expect(draft.dialogs[0].interactions.map((interaction: { kind: string }) => interaction.kind)).toEqual([
      "send_message",
    ]);
    expect(draft.dialogs[0].end.kind).toBe("redirect");
    expect(draft.dialogs[1].end.kind).toBe("transfer");
    for (const dialog of draft.dialogs) expect(dialog.assistantId).toBe(assistant.id);
  });

  it("creates from a template in another language", async () => {
    const assistant = await createAssistant(server, organization.adminKey, {
      internalName: "Tutorial",
      template: "tutorial",
      language: "es",
      channel: "whatsapp",
      type: "lite",
    });
    expect(assistant.draft.defaultLanguage).toBe("es");
    expect(assistant.draft.dialogs.length).toBeGreaterThan(2);
  });

  it("refuses to create Pro (422) and types a channel does not allow (422)", async () => {
    const pro = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/assistants",
      payload: { internalName: "Legacy", channel: "chat", type: "pro" },
    });
    expect(pro.statusCode).toBe(422);
    expect(pro.json().error.code).toBe("pro_not_available");
    expect(problemPaths(pro)).toEqual(["/type"]);
    const voicePremium = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/assistants",
      payload: { internalName: "Phone", channel: "voice", type: "premium" },
    });
    expect(voicePremium.statusCode).toBe(422);
    expect(problemPaths(voicePremium)).toEqual(["/type"]);
  });

  it("lists every invalid field of a create request (400)", async () => {
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: "/v1/assistants",
      payload: { internalName: "", channel: "fax", type: "gold", language: "fr", template: "other" },
    });
    expect(response.statusCode).toBe(400);
    expect(problemPaths(response)).toEqual(
      expect.arrayContaining(["/internalName", "/channel", "/type", "/language", "/template"]),
    );
  });

  it("gets an assistant by id with its ETag", async () => {
    const created = await createAssistant(server, organization.adminKey, { internalName: "Get me" });
    const response = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/assistants/${created.id}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    expect(response.json()).toEqual(created);
  });

  it("finds an assistant by public id, with its draft, inside an array (spec 16)", async () => {
    const created = await createAssistant(server, organization.adminKey, { internalName: "By public id" });
    const found = await list(`?publicId=${created.publicId}`);
    expect(found).toEqual({ data: [created], nextCursor: null });
    expect(await list("?publicId=nothing-like-it")).toEqual({ data: [], nextCursor: null });
  });

  it("searches names, filters by status, channel and type, and pages with a cursor", async () => {
    const other = await server.organization("Lister");
    const key = other.adminKey;
    const names = ["alpha desk", "Beta Desk", "gamma", "Delta desk", "epsilon"];
    const created = [];
    for (const name of names) {
      created.push(
        await createAssistant(server, key, {
          internalName: name,
          channel: name === "gamma" ? "sms" : "chat",
          type: name === "epsilon" ? "lite" : "premium",
          publicName: name === "epsilon" ? "Front Desk" : "",
        }),
      );
    }
    await publish(server, key, created[1]?.id ?? "");

    const all = await list("", key);
    expect(all.data.map((assistant) => assistant.internalName)).toEqual([
      "alpha desk",
      "Beta Desk",
      "Delta desk",
      "epsilon",
      "gamma",
    ]);
    expect(all.data[0]).not.toHaveProperty("draft");
    const searched = await list("?search=DESK", key);
    expect(searched.data.map((assistant) => assistant.internalName)).toEqual([
      "alpha desk",
      "Beta Desk",
      "Delta desk",
      "epsilon",
    ]);
    expect((await list("?search=%25", key)).data).toEqual([]);
    expect((await list("?search=", key)).data).toHaveLength(names.length);
    expect((await list("?status=active", key)).data.map((assistant) => assistant.internalName)).toEqual([
      "Beta Desk",
    ]);
    expect((await list("?status=draft", key)).data).toHaveLength(4);
    expect((await list("?channel=sms", key)).data.map((assistant) => assistant.internalName)).toEqual([
      "gamma",
    ]);
    expect((await list("?type=lite", key)).data.map((assistant) => assistant.internalName)).toEqual([
      "epsilon",
    ]);
    expect((await list("?type=premium&channel=chat", key)).data).toHaveLength(3);

    const seen: unknown[] = [];
    let page = await list("?limit=2", key);
    seen.push(...page.data.map((assistant) => assistant.internalName));
    while (page.nextCursor) {
      page = await list(`?limit=2&cursor=${page.nextCursor}`, key);
      seen.push(...page.data.map((assistant) => assistant.internalName));
    }
    expect(seen).toEqual(all.data.map((assistant) => assistant.internalName));

    const badCursor = await server.request(key, { method: "GET", url: "/v1/assistants?cursor=nonsense" });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.problems[0]).toMatchObject({ in: "query", path: "/cursor" });
    const badLimit = await server.request(key, { method: "GET", url: "/v1/assistants?limit=201&status=x" });
    expect(badLimit.statusCode).toBe(400);
    expect(problemPaths(badLimit)).toEqual(expect.arrayContaining(["/limit", "/status"]));
  });

  it("deletes an assistant with its versions", async () => {
    const created = await createAssistant(server, organization.adminKey, { internalName: "Delete me" });
    expect((await publish(server, organization.adminKey, created.id)).statusCode).toBe(201);
    const deleted = await server.request(organization.adminKey, {
      method: "DELETE",
      url: `/v1/assistants/${created.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    const again = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/assistants/${created.id}/versions`,
    });
    expect(again.statusCode).toBe(404);
  });

  it("duplicates the draft under new ids", async () => {
    const source = await createAssistant(server, organization.adminKey, { internalName: "Original" });
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${source.id}/duplicate`,
    });
    expect(response.statusCode).toBe(201);
    const copy = response.json();
    expect(copy).toMatchObject({
      internalName: "Copy of Original",
      type: "premium",
      status: "draft",
      removed: [],
    });
    expect(copy.id).not.toBe(source.id);
    expect(copy.publicId).not.toBe(source.publicId);
    expect(copy.draft.id).toBe(copy.id);
    expect(copy.draft.publicId).toBe(copy.publicId);
    for (const dialog of copy.draft.dialogs) expect(dialog.assistantId).toBe(copy.id);
    expect(copy.draft.dialogs.map((dialog: { id: string }) => dialog.id)).toEqual(
      source.draft.dialogs.map((dialog) => dialog.id),
    );
  });

  it("duplicates as the other type and lists what was removed", async () => {
    const source = await createAssistant(server, organization.adminKey, {
      internalName: "AI answers",
      template: "respond-with-ai",
      type: "premium",
    });
    const response = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${source.id}/duplicate`,
      payload: { type: "lite", internalName: "AI answers (Lite)" },
    });
    expect(response.statusCode).toBe(201);
    const copy = response.json();
    expect(copy).toMatchObject({ internalName: "AI answers (Lite)", type: "lite" });
    expect(copy.draft.type).toBe("lite");
    expect(copy.removed.length).toBeGreaterThan(0);
    expect(copy.removed.map((removal: { what: string }) => removal.what)).toContain(
      "AI response end interaction",
    );
    const proCopy = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${source.id}/duplicate`,
      payload: { type: "pro" },
    });
    expect(proCopy.statusCode).toBe(422);
    expect(proCopy.json().error.code).toBe("pro_not_available");
  });

  it("previews a conversion without creating anything: the same removals the duplicate then reports", async () => {
    const source = await createAssistant(server, organization.adminKey, {
      internalName: "Preview me",
      template: "respond-with-ai",
      type: "premium",
    });
    const count = async () => (await list("?limit=200")).data.length;
    const before = await count();
    const preview = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/assistants/${source.id}/conversion?type=lite`,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const { removed, ...types } = preview.json();
    expect(types).toEqual({ from: "premium", to: "lite" });
    expect(removed.map((removal: { what: string }) => removal.what)).toContain("AI response end interaction");
    expect(await count()).toBe(before);

    const copy = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${source.id}/duplicate`,
      payload: { type: "lite" },
    });
    expect(copy.json().removed).toEqual(removed);

    const sameType = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/assistants/${source.id}/conversion?type=premium`,
    });
    expect(sameType.json()).toEqual({ from: "premium", to: "premium", removed: [] });
    const toPro = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/assistants/${source.id}/conversion?type=pro`,
    });
    expect(toPro.statusCode).toBe(422);
    expect(problemPaths(toPro)).toEqual(["/type"]);
  });

  it("unpublishes every live Premium assistant of the organization, and only those", async () => {
    const mine = await server.organization("Premium owner");
    const theirs = await server.organization("Bystander");
    const premium = await createAssistant(server, mine.adminKey, { internalName: "P1", type: "premium" });
    const premiumDraft = await createAssistant(server, mine.adminKey, {
      internalName: "P2",
      type: "premium",
    });
    const lite = await createAssistant(server, mine.adminKey, { internalName: "L1", type: "lite" });
    const othersPremium = await createAssistant(server, theirs.adminKey, { internalName: "P3" });
    for (const [key, assistant] of [
      [mine.adminKey, premium],
      [mine.adminKey, lite],
      [theirs.adminKey, othersPremium],
    ] as const) {
      expect((await publish(server, key, assistant.id)).statusCode).toBe(201);
    }
    const response = await server.request(mine.adminKey, {
      method: "POST",
      url: "/v1/assistants/unpublish-premium",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ unpublished: 1 });
    const status = async (key: string, id: string) =>
      (await server.request(key, { method: "GET", url: `/v1/assistants/${id}` })).json().status;
    expect(await status(mine.adminKey, premium.id)).toBe("draft");
    expect(await status(mine.adminKey, premiumDraft.id)).toBe("draft");
    expect(await status(mine.adminKey, lite.id)).toBe("active");
    expect(await status(theirs.adminKey, othersPremium.id)).toBe("active");
  });
});
