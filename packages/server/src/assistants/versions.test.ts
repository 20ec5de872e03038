import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { assistantVersions } from "../database/schema/index.ts";
import { csrfHeader, sessionCookie } from "../http/authentication.ts";
import { scopes } from "../http/scopes.ts";
import { createAssistant, publish, saveDraft, withWelcomeMessage } from "./test-requests.ts";

describe.each(testDatabases)("assistant versions on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Versions");
  });
  afterAll(() => server.close());

  const get = async (url: string) => {
    const response = await server.request(organization.adminKey, { method: "GET", url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("publishes the draft as version 1, 2… made live, with who published it", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const publisher = await organization.keyWith(scopes.assistantsWrite);
    const first = await publish(server, publisher, created.id, '"1"');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers.etag).toBe('"1"');
    const version = first.json();
    expect(version).toMatchObject({ assistantId: created.id, version: 1, live: true, problems: [] });
    expect(version.definition).toEqual(created.draft);
    expect(version.publishedBy).toMatch(/^[0-9a-f-]{36}$/);
    expect(await get(`/v1/assistants/${created.id}`)).toMatchObject({ status: "active", liveVersion: 1 });

    const second = await publish(server, organization.adminKey, created.id);
    expect(second.json()).toMatchObject({ version: 2, live: true });
    const versions = await get(`/v1/assistants/${created.id}/versions`);
    expect(
      versions.data.map((entry: { version: number; live: boolean }) => [entry.version, entry.live]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions.data[0]).not.toHaveProperty("definition");
  });

  it("names who published each version: a user or an API key of the organization, never another's", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const byKey = await publish(server, organization.adminKey, created.id);
    expect(byKey.json().publisher).toEqual({ kind: "api_key", name: "test" });

    const credentials = await organization.user("admin");
    const signedIn = await server.request(null, { method: "POST", url: "/v1/session", payload: credentials });
    const cookies = {
      [sessionCookie]: signedIn.cookies.find((cookie) => cookie.name === sessionCookie)?.value ?? "",
    };
    const byUser = await server.request(null, {
      method: "POST",
      url: `/v1/assistants/${created.id}/publish`,
      cookies,
      headers: { [csrfHeader]: "1" },
    });
    expect(byUser.statusCode, byUser.body).toBe(201);
    const user = { kind: "user", name: credentials.email };
    expect(byUser.json().publisher).toEqual(user);
    expect((await get(`/v1/assistants/${created.id}/versions/2`)).publisher).toEqual(user);

    // A publisher id from another organization resolves to nobody, even if it is a real user there.
    const other = await server.organization("Versions elsewhere");
    const stranger = await other.user("admin");
    const strangerSession = await server.request(null, {
      method: "POST",
      url: "/v1/session",
      payload: stranger,
    });
    const strangerId = (
      await server.request(null, {
        method: "GET",
        url: "/v1/me",
        cookies: { [sessionCookie]: strangerSession.cookies[0]?.value ?? "" },
      })
    ).json().userId;
    await server.connection.database
      .update(assistantVersions)
      .set({ publishedBy: strangerId })
      .where(and(eq(assistantVersions.assistantId, created.id), eq(assistantVersions.version, 1)));
    const versions = await get(`/v1/assistants/${created.id}/versions`);
    expect(versions.data.map((entry: { publisher: unknown }) => entry.publisher)).toEqual([user, null]);
  });

  it("gives concurrent publishes distinct version numbers", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const responses = await Promise.all(
      [1, 2, 3].map(() => publish(server, organization.adminKey, created.id)),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201]);
    expect(responses.map((response) => response.json().version).sort()).toEqual([1, 2, 3]);
    expect((await get(`/v1/assistants/${created.id}`)).liveVersion).toBe(3);
  });

  it("refuses to publish a draft with errors (422 with the problems) and changes nothing", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const broken = structuredClone(created.draft);
    (broken.dialogs[0] as Record<string, unknown>).end = {
      id: "welcome-redirect",
      kind: "redirect",
      dialogId: "gone",
    };
    await saveDraft(server, organization.adminKey, created.id, broken);
    const response = await publish(server, organization.adminKey, created.id);
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe("validation_failed");
    expect(error.problems).toContainEqual(
      expect.objectContaining({
        path: "/dialogs/0/end/dialogId",
        code: "redirect_to_missing_dialog",
        severity: "error",
      }),
    );
    expect((await get(`/v1/assistants/${created.id}/versions`)).data).toEqual([]);
    expect(await get(`/v1/assistants/${created.id}`)).toMatchObject({ status: "draft", liveVersion: null });
  });

  it("checks the organization's data when publishing: an unknown business schedule blocks it", async () => {
    const created = await createAssistant(server, organization.adminKey);
    const withSchedule = structuredClone(created.draft);
    (withSchedule.dialogs[0] as { interactions: unknown[] }).interactions.push({
      id: "opening-hours",
      kind: "business_schedule",
      scheduleId: "no-such-schedule",
      duringHours: { interactions: [] },
      outsideHours: { interactions: [] },
    });
    const saved = await saveDraft(server, organization.adminKey, created.id, withSchedule);
    expect(saved.json().problems).toContainEqual(
      expect.objectContaining({ code: "unknown_business_schedule" }),
    );
    const response = await publish(server, organization.adminKey, created.id);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.problems).toContainEqual(
      expect.objectContaining({
        path: "/dialogs/0/interactions/1/scheduleId",
        code: "unknown_business_schedule",
      }),
    );
  });

  it("answers a stale If-Match on publish with 409 and publishes nothing", async () => {
    const created = await createAssistant(server, organization.adminKey);
    await saveDraft(
      server,
      organization.adminKey,
      created.id,
      withWelcomeMessage(created.draft, "more", "More"),
    );
    const response = await publish(server, organization.adminKey, created.id, '"1"');
    expect(response.statusCode).toBe(409);
    expect(response.json().current.draftRevision).toBe(2);
    expect((await get(`/v1/assistants/${created.id}/versions`)).data).toEqual([]);
  });

  it("keeps versions immutable while the draft changes", async () => {
    const created = await createAssistant(server, organization.adminKey);
    await publish(server, organization.adminKey, created.id);
    const before = await get(`/v1/assistants/${created.id}/versions/1`);
    const edited = {
      ...withWelcomeMessage(created.draft, "later", "Later edit"),
      internalName: "Changed later",
    };
    await saveDraft(server, organization.adminKey, created.id, edited);
    const after = await get(`/v1/assistants/${created.id}/versions/1`);
    expect(after).toEqual(before);
    expect(after.definition.internalName).toBe(created.draft.internalName);
    expect(after.definition).toEqual(created.draft);
    const missing = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/assistants/${created.id}/versions/7`,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("compares two versions, or a version and the draft", async () => {
    const created = await createAssistant(server, organization.adminKey);
    await publish(server, organization.adminKey, created.id);
    const second = structuredClone(created.draft);
    const welcome = second.dialogs[0] as { interactions: Array<Record<string, unknown>>; name: string };
    welcome.interactions[0] = { ...welcome.interactions[0], text: "Changed greeting" };
    welcome.interactions.push({ id: "added", kind: "send_message", text: "Added" });
    second.dialogs.push({
      id: "extra",
      name: "Extra",
      interactions: [],
      end: { id: "extra-end", kind: "transfer" },
    });
    second.publicName = "New public name";
    await saveDraft(server, organization.adminKey, created.id, second);
    await publish(server, organization.adminKey, created.id);

    const diff = await get(`/v1/assistants/${created.id}/versions/compare?from=1&to=2`);
    expect(diff).toMatchObject({ from: 1, to: 2, identical: false });
    expect(diff.settings).toEqual([
      { path: "/publicName", from: created.draft.publicName, to: "New public name" },
    ]);
    expect(diff.dialogs.added).toEqual([{ id: "extra", name: "Extra", path: "/dialogs/2" }]);
    const [welcomeChange] = diff.dialogs.changed;
    expect(welcomeChange.id).toBe("welcome");
    expect(welcomeChange.interactions.added).toEqual([
      { id: "added", kind: "send_message", path: "/dialogs/0/interactions/1" },
    ]);
    expect(welcomeChange.interactions.changed[0].changes).toEqual([
      {
        path: "/text",
        from: (created.draft.dialogs[0] as { interactions: Array<{ text: string }> }).interactions[0]?.text,
        to: "Changed greeting",
      },
    ]);

    expect((await get(`/v1/assistants/${created.id}/versions/compare?from=2&to=draft`)).identical).toBe(true);
    const bad = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/assistants/${created.id}/versions/compare?from=latest&to=0`,
    });
    expect(bad.statusCode).toBe(400);
    const missing = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/assistants/${created.id}/versions/compare?from=1&to=5`,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("chooses the live version, or none", async () => {
    const created = await createAssistant(server, organization.adminKey);
    await publish(server, organization.adminKey, created.id);
    await publish(server, organization.adminKey, created.id);
    const setLive = (version: unknown) =>
      server.request(organization.adminKey, {
        method: "PUT",
        url: `/v1/assistants/${created.id}/live`,
        payload: { version },
      });
    const rollback = await setLive(1);
    expect(rollback.statusCode).toBe(200);
    expect(rollback.json()).toMatchObject({ liveVersion: 1, status: "active" });
    expect((await get(`/v1/assistants/${created.id}/versions/1`)).live).toBe(true);
    expect((await setLive(3)).statusCode).toBe(404);
    expect((await setLive("two")).statusCode).toBe(400);
    expect((await get(`/v1/assistants/${created.id}`)).liveVersion).toBe(1);
    const offline = await setLive(null);
    expect(offline.json()).toMatchObject({ liveVersion: null, status: "draft" });
  });
});
