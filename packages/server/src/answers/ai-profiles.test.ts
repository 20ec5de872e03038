import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { assistants } from "../database/schema/index.ts";
import { scopes } from "../http/scopes.ts";
import { problemsOf } from "../knowledge/knowledge-test-support.ts";
import { publishAssistant, respondWithAiAssistant } from "./answer-test-support.ts";

describe.each(testDatabases)("AI profiles on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;

  beforeAll(async () => {
    server = await createTestServer(kind);
    organization = await server.organization("Store");
  }, 60_000);
  afterAll(() => server?.close());

  const post = (payload: Record<string, unknown>, key = organization.adminKey) =>
    server.request(key, { method: "POST", url: "/v1/ai/profiles", payload });
  const remove = (id: string) =>
    server.request(organization.adminKey, { method: "DELETE", url: `/v1/ai/profiles/${id}` });

  async function created(name: string, instructions = ""): Promise<string> {
    const response = await post({ name, instructions });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  it("creates, lists by name, gets, replaces and deletes profiles", async () => {
    const response = await post({ name: "  Warm  ", instructions: "Use the customer's first name." });
    expect(response.statusCode).toBe(201);
    const profile = response.json();
    expect(profile).toMatchObject({
      id: expect.any(String),
      name: "Warm",
      instructions: "Use the customer's first name.",
      isDefault: false,
      usedBy: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const brief = await created("brief");
    const list = await server.request(organization.adminKey, { method: "GET", url: "/v1/ai/profiles" });
    expect(list.json().data.map((each: { name: string }) => each.name)).toEqual(["brief", "Warm"]);
    expect(list.json().data[0].instructions).toBe("");

    const replaced = await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/ai/profiles/${profile.id}`,
      payload: { name: "Warmer", instructions: "Two sentences at most." },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ name: "Warmer", instructions: "Two sentences at most." });
    const fetched = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/ai/profiles/${profile.id}`,
    });
    expect(fetched.json()).toMatchObject({ name: "Warmer", instructions: "Two sentences at most." });

    expect((await remove(brief)).statusCode).toBe(204);
    expect((await remove(brief)).statusCode).toBe(404);
    expect(
      (await server.request(organization.adminKey, { method: "GET", url: `/v1/ai/profiles/${brief}` }))
        .statusCode,
    ).toBe(404);
  });

  it("refuses a name another profile has, ignoring case, and fields over their limits", async () => {
    await created("Taken");
    const twice = await post({ name: "TAKEN" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("name_taken");
    expect(problemsOf(twice)).toEqual([expect.objectContaining({ path: "/name", code: "unique" })]);
    const other = await created("Other");
    const renamed = await server.request(organization.adminKey, {
      method: "PUT",
      url: `/v1/ai/profiles/${other}`,
      payload: { name: "taken" },
    });
    expect(renamed.statusCode).toBe(409);

    const tooLong = await post({ name: "n".repeat(101), instructions: "i".repeat(4001) });
    expect(tooLong.statusCode).toBe(400);
    expect(problemsOf(tooLong)).toEqual([
      expect.objectContaining({ in: "body", path: "/name", limit: 100 }),
      expect.objectContaining({ in: "body", path: "/instructions", limit: 4000 }),
    ]);
    expect((await post({ name: "   " })).statusCode).toBe(400);
    expect((await post({ name: "Exactly", instructions: "i".repeat(4000) })).statusCode).toBe(201);
  });

  it("refuses to delete a profile a live assistant version or the organization's default uses, listing them", async () => {
    const inSettings = await created("Assistant default");
    const inInteraction = await created("Interaction");
    const draftOnly = await created("Draft only");
    const organizationDefault = await created("Organization default");

    const settingsUser = respondWithAiAssistant("kb-1", {
      assistantProfileId: inSettings,
      internalName: "Web help",
    });
    await publishAssistant(server, organization.id, settingsUser);
    const interactionUser = respondWithAiAssistant("kb-1", {
      interactionProfileId: inInteraction,
      internalName: "Chat help",
    });
    await publishAssistant(server, organization.id, interactionUser);
    // A draft that names a profile its live version does not.
    const drafted = respondWithAiAssistant("kb-1", { internalName: "Drafting" });
    await publishAssistant(server, organization.id, drafted);
    const draft = respondWithAiAssistant("kb-1", { assistantProfileId: draftOnly });
    await server.connection.database
      .update(assistants)
      .set({ draft: { ...draft, id: drafted.id, publicId: drafted.publicId } })
      .where(eq(assistants.id, drafted.id));

    const settingsRefused = await remove(inSettings);
    expect(settingsRefused.statusCode).toBe(409);
    expect(settingsRefused.json()).toMatchObject({
      error: { code: "ai_profile_in_use" },
      assistants: [{ id: settingsUser.id, internalName: "Web help", draft: true, live: true }],
      organizationDefault: false,
    });
    expect((await remove(inInteraction)).json().assistants).toEqual([
      { id: interactionUser.id, internalName: "Chat help", draft: true, live: true },
    ]);
    const listed = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/ai/profiles/${draftOnly}`,
    });
    expect(listed.json().usedBy).toEqual([
      { id: drafted.id, internalName: "Drafting", draft: true, live: false },
    ]);
    expect((await remove(draftOnly)).statusCode).toBe(204);

    const settings = await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/ai/settings",
      payload: { provider: "extractive", defaultProfileId: organizationDefault },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const fetched = await server.request(organization.adminKey, {
      method: "GET",
      url: `/v1/ai/profiles/${organizationDefault}`,
    });
    expect(fetched.json().isDefault).toBe(true);
    const defaultRefused = await remove(organizationDefault);
    expect(defaultRefused.statusCode).toBe(409);
    expect(defaultRefused.json()).toMatchObject({ assistants: [], organizationDefault: true });
    expect(defaultRefused.json().error.message).toContain("default");
    await server.request(organization.adminKey, {
      method: "PUT",
      url: "/v1/ai/settings",
      payload: { provider: "extractive" },
    });
    expect((await remove(organizationDefault)).statusCode).toBe(204);
  });

  it("lets readers list profiles but only organization set-up change them, and keeps organizations apart", async () => {
    const id = await created("Shared name");
    const reader = await organization.keyWith(scopes.read);
    expect((await server.request(reader, { method: "GET", url: "/v1/ai/profiles" })).statusCode).toBe(200);
    expect((await post({ name: "Mine" }, reader)).statusCode).toBe(403);
    const builder = await organization.keyWith(scopes.read, scopes.assistantsWrite);
    expect(
      (await server.request(builder, { method: "DELETE", url: `/v1/ai/profiles/${id}` })).statusCode,
    ).toBe(403);

    const other = await server.organization("Other");
    expect(
      (await server.request(other.adminKey, { method: "GET", url: `/v1/ai/profiles/${id}` })).statusCode,
    ).toBe(404);
    expect(
      (await server.request(other.adminKey, { method: "DELETE", url: `/v1/ai/profiles/${id}` })).statusCode,
    ).toBe(404);
    // Names are unique per organization only.
    expect((await post({ name: "Shared name" }, other.adminKey)).statusCode).toBe(201);
    expect(
      (await server.request(organization.adminKey, { method: "GET", url: "/v1/ai/profiles/not-a-uuid" }))
        .statusCode,
    ).toBe(400);
  });
});
