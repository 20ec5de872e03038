import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { createAssistant, problemPaths, publish, saveDraft, withWelcomeMessage } from "./test-requests.ts";

describe.each(testDatabases)("assistant drafts on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Drafts");
  });
  afterAll(() => server.close());

  const get = async (id: string) =>
    (await server.request(organization.adminKey, { method: "GET", url: `/v1/assistants/${id}` })).json();

  it("saves the draft with If-Match, moves the revision on and keeps the row's names in step", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const edited = {
      ...withWelcomeMessage(created.draft, "second-message", "How can we help?"),
      internalName: "Renamed",
      publicName: "Ada",
    };
    const response = await saveDraft(server, organization.adminKey, created.id, edited, '"1"');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const saved = response.json();
    expect(saved).toMatchObject({
      draftRevision: 2,
      internalName: "Renamed",
      publicName: "Ada",
      problems: [],
    });
    expect(saved.draft.dialogs[0].interactions[1]).toMatchObject({
      id: "second-message",
      text: "How can we help?",
    });
    expect(await get(created.id)).toMatchObject({ draftRevision: 2, internalName: "Renamed" });
    const withoutIfMatch = await saveDraft(server, organization.adminKey, created.id, edited);
    expect(withoutIfMatch.json().draftRevision).toBe(3);
  });

  it("answers a stale If-Match with 409 and the current assistant, and changes nothing", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const first = withWelcomeMessage(created.draft, "first", "First");
    expect((await saveDraft(server, organization.adminKey, created.id, first, '"1"')).statusCode).toBe(200);
    const stale = await saveDraft(
      server,
      organization.adminKey,
      created.id,
      withWelcomeMessage(created.draft, "second", "Second"),
      '"1"',
    );
    expect(stale.statusCode).toBe(409);
    const body = stale.json();
    expect(body.error.code).toBe("stale_revision");
    expect(body.current).toMatchObject({ id: created.id, draftRevision: 2 });
    expect(body.current.draft.dialogs[0].interactions[1].id).toBe("first");
    expect((await get(created.id)).draftRevision).toBe(2);
    const weak = await saveDraft(server, organization.adminKey, created.id, first, 'W/"2"');
    expect(weak.statusCode).toBe(200);
    const malformed = await saveDraft(server, organization.adminKey, created.id, first, "yesterday");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.problems[0]).toMatchObject({ in: "headers", path: "/if-match" });
  });

  it("lets one of two concurrent saves based on the same revision through, and refuses the other", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const saves = await Promise.all(
      ["left", "right"].map((id) =>
        saveDraft(
          server,
          organization.adminKey,
          created.id,
          withWelcomeMessage(created.draft, id, id),
          '"1"',
        ),
      ),
    );
    expect(saves.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect((await get(created.id)).draftRevision).toBe(2);
  });

  it("lists every schema problem with its path (400) and saves nothing", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const broken = structuredClone(created.draft) as Record<string, unknown> & {
      dialogs: Array<Record<string, unknown>>;
    };
    broken.channel = "fax";
    broken.internalName = "";
    (broken.dialogs[0] as { interactions: unknown[] }).interactions.push({
      id: "bad id!",
      kind: "send_message",
    });
    (broken.dialogs[1] as Record<string, unknown>).end = { id: "x", kind: "teleport" };
    const response = await saveDraft(server, organization.adminKey, created.id, broken);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("invalid_definition");
    for (const problem of response.json().error.problems) expect(problem.in).toBe("body");
    expect(problemPaths(response)).toEqual(
      expect.arrayContaining([
        "/internalName",
        "/channel",
        "/dialogs/0/interactions/1/id",
        "/dialogs/0/interactions/1/text",
        "/dialogs/1/end/kind",
      ]),
    );
    expect((await get(created.id)).draftRevision).toBe(1);
  });

  it("saves a draft with semantic errors and returns them as problems", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const unlinked = structuredClone(created.draft);
    (unlinked.dialogs[0] as Record<string, unknown>).end = {
      id: "welcome-redirect",
      kind: "redirect",
      dialogId: "nowhere",
    };
    const response = await saveDraft(server, organization.adminKey, created.id, unlinked);
    expect(response.statusCode).toBe(200);
    const problems = response.json().problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: "/dialogs/0/end/dialogId",
        code: "redirect_to_missing_dialog",
        severity: "error",
      }),
    );
    expect(response.json().draft.dialogs[0].end.dialogId).toBe("nowhere");
  });

  it("keeps the assistant's own ids whatever the body says", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const foreign = structuredClone(created.draft) as Record<string, unknown> & {
      dialogs: Array<Record<string, unknown>>;
    };
    foreign.id = "someone-else";
    foreign.publicId = "their-public-id";
    for (const dialog of foreign.dialogs) dialog.assistantId = "someone-else";
    const saved = (await saveDraft(server, organization.adminKey, created.id, foreign)).json();
    expect(saved.draft).toMatchObject({ id: created.id, publicId: created.publicId });
    for (const dialog of saved.draft.dialogs) expect(dialog.assistantId).toBe(created.id);
  });

  it("accepts a definition up to 1 MiB and refuses a larger one (413)", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const padded = { ...created.draft, description: "", $comment: "x".repeat(900 * 1024) };
    const fits = await saveDraft(server, organization.adminKey, created.id, padded);
    expect(fits.statusCode).toBe(200);
    expect(fits.json().problems).toContainEqual(
      expect.objectContaining({ code: "unknown_field", path: "/$comment" }),
    );
    const tooBig = await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/assistants/${created.id}/draft`,
      payload: JSON.stringify({ ...created.draft, $comment: "x".repeat(1024 * 1024) }),
      headers: { "content-type": "application/json" },
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.problems[0].limit).toBe(1024 * 1024);
  });

  it("starts a new draft from the latest version or a chosen one", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const neverPublished = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${created.id}/draft`,
    });
    expect(neverPublished.statusCode).toBe(422);
    expect(neverPublished.json().error.code).toBe("never_published");

    expect((await publish(server, organization.adminKey, created.id)).statusCode).toBe(201);
    const second = withWelcomeMessage(created.draft, "v2", "Version two");
    await saveDraft(server, organization.adminKey, created.id, second);
    expect((await publish(server, organization.adminKey, created.id)).statusCode).toBe(201);
    await saveDraft(
      server,
      organization.adminKey,
      created.id,
      withWelcomeMessage(second, "wip", "Unfinished"),
    );

    const fromLatest = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${created.id}/draft`,
      headers: { "if-match": '"3"' },
      payload: {},
    });
    expect(fromLatest.statusCode, fromLatest.body).toBe(200);
    expect(fromLatest.headers.etag).toBe('"4"');
    const latestIds = fromLatest
      .json()
      .draft.dialogs[0].interactions.map((interaction: { id: string }) => interaction.id);
    expect(latestIds).toContain("v2");
    expect(latestIds).not.toContain("wip");

    const fromFirst = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${created.id}/draft`,
      payload: { fromVersion: 1 },
    });
    expect(fromFirst.json().draft).toEqual(created.draft);
    const missing = await server.request(organization.adminKey, {
      method: "POST",
      url: `/v1/assistants/${created.id}/draft`,
      payload: { fromVersion: 9 },
    });
    expect(missing.statusCode).toBe(404);
  });
});
