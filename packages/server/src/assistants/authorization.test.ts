import { randomUUID } from "node:crypto";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { scopes } from "../http/scopes.ts";
import { type CreatedAssistant, createAssistant, publish } from "./test-requests.ts";

interface RouteCase {
  name: string;
  write: boolean;
  /** Whether the route names one assistant, so another organization's id must answer 404. */
  byId: boolean;
  request(assistant: CreatedAssistant): InjectOptions;
}

/** Every route of the Assistants API, with a request that would succeed for the assistant's own organization. */
const routes: RouteCase[] = [
  {
    name: "POST /v1/assistants",
    write: true,
    byId: false,
    request: () => ({
      method: "POST",
      url: "/v1/assistants",
      payload: { internalName: "x", channel: "chat", type: "lite" },
    }),
  },
  {
    name: "GET /v1/assistants",
    write: false,
    byId: false,
    request: () => ({ method: "GET", url: "/v1/assistants" }),
  },
  {
    name: "POST /v1/assistants/unpublish-premium",
    write: true,
    byId: false,
    request: () => ({ method: "POST", url: "/v1/assistants/unpublish-premium" }),
  },
  {
    name: "GET /v1/assistants/:id",
    write: false,
    byId: true,
    request: (assistant) => ({ method: "GET", url: `/v1/assistants/${assistant.id}` }),
  },
  {
    name: "PUT /v1/assistants/:id/draft",
    write: true,
    byId: true,
    request: (assistant) => ({
      method: "PUT",
      url: `/v1/assistants/${assistant.id}/draft`,
      payload: assistant.draft,
    }),
  },
  {
    name: "PUT /v1/assistants/:id (spec 16 import)",
    write: true,
    byId: true,
    request: (assistant) => ({
      method: "PUT",
      url: `/v1/assistants/${assistant.id}`,
      payload: assistant.draft,
    }),
  },
  {
    name: "POST /v1/assistants/:id/draft",
    write: true,
    byId: true,
    request: (assistant) => ({ method: "POST", url: `/v1/assistants/${assistant.id}/draft` }),
  },
  {
    name: "POST /v1/assistants/:id/publish",
    write: true,
    byId: true,
    request: (assistant) => ({ method: "POST", url: `/v1/assistants/${assistant.id}/publish` }),
  },
  {
    name: "GET /v1/assistants/:id/versions",
    write: false,
    byId: true,
    request: (assistant) => ({ method: "GET", url: `/v1/assistants/${assistant.id}/versions` }),
  },
  {
    name: "GET /v1/assistants/:id/versions/:version",
    write: false,
    byId: true,
    request: (assistant) => ({ method: "GET", url: `/v1/assistants/${assistant.id}/versions/1` }),
  },
  {
    name: "GET /v1/assistants/:id/versions/compare",
    write: false,
    byId: true,
    request: (assistant) => ({
      method: "GET",
      url: `/v1/assistants/${assistant.id}/versions/compare?from=1&to=draft`,
    }),
  },
  {
    name: "PUT /v1/assistants/:id/live",
    write: true,
    byId: true,
    request: (assistant) => ({
      method: "PUT",
      url: `/v1/assistants/${assistant.id}/live`,
      payload: { version: 1 },
    }),
  },
  {
    name: "POST /v1/assistants/:id/duplicate",
    write: true,
    byId: true,
    request: (assistant) => ({ method: "POST", url: `/v1/assistants/${assistant.id}/duplicate` }),
  },
  {
    name: "GET /v1/assistants/:id/conversion",
    write: false,
    byId: true,
    request: (assistant) => ({ method: "GET", url: `/v1/assistants/${assistant.id}/conversion?type=lite` }),
  },
  {
    name: "DELETE /v1/assistants/:id",
    write: true,
    byId: true,
    request: (assistant) => ({ method: "DELETE", url: `/v1/assistants/${assistant.id}` }),
  },
];

describe.each(testDatabases)("assistant authorization on %s", (kind) => {
  let server: TestServer;
  let mine: TestOrganization;
  let theirs: TestOrganization;
  let myAssistant: CreatedAssistant;
  let theirAssistant: CreatedAssistant;
  let readOnlyKey: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    mine = await server.organization("Mine");
    theirs = await server.organization("Theirs");
    readOnlyKey = await mine.keyWith(scopes.read);
    myAssistant = await createAssistant(server, mine.adminKey, { internalName: "Mine" });
    theirAssistant = await createAssistant(server, theirs.adminKey, { internalName: "Theirs" });
    for (const [key, assistant] of [
      [mine.adminKey, myAssistant],
      [theirs.adminKey, theirAssistant],
    ] as const) {
      expect((await publish(server, key, assistant.id)).statusCode).toBe(201);
    }
  });
  afterAll(() => server.close());

  it.each(routes)("$name answers 401 without credentials", async (route) => {
    const response = await server.request(null, route.request(myAssistant));
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("unauthenticated");
  });

  it.each(routes.filter((route) => route.write))("$name answers 403 to a read-only key", async (route) => {
    const response = await server.request(readOnlyKey, route.request(myAssistant));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain(scopes.assistantsWrite);
  });

  it.each(routes.filter((route) => !route.write))("$name works with a read-only key", async (route) => {
    const response = await server.request(readOnlyKey, route.request(myAssistant));
    expect(response.statusCode, response.body).toBe(200);
  });

  it.each(routes.filter((route) => route.byId))(
    "$name answers 404 for an unknown id and for another organization's assistant",
    async (route) => {
      const unknown = await server.request(
        mine.adminKey,
        route.request({ ...myAssistant, id: randomUUID() }),
      );
      expect(unknown.statusCode, unknown.body).toBe(404);
      const foreign = await server.request(mine.adminKey, route.request(theirAssistant));
      expect(foreign.statusCode, foreign.body).toBe(404);
      expect(foreign.json().error.code).toBe("not_found");
    },
  );

  it("left the other organization's assistant untouched", async () => {
    const response = await server.request(theirs.adminKey, {
      method: "GET",
      url: `/v1/assistants/${theirAssistant.id}`,
    });
    expect(response.json()).toMatchObject({ draftRevision: 1, liveVersion: 1, status: "active" });
    const versions = await server.request(theirs.adminKey, {
      method: "GET",
      url: `/v1/assistants/${theirAssistant.id}/versions`,
    });
    expect(versions.json().data).toHaveLength(1);
  });

  it("answers 400 for an id that is not a UUID", async () => {
    const response = await server.request(mine.adminKey, { method: "GET", url: "/v1/assistants/not-a-uuid" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.problems[0]).toMatchObject({ in: "params", path: "/id" });
  });
});
