import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";
import { webhookSubscriptions } from "../database/schema/index.ts";
import { scopes } from "../http/scopes.ts";
import { newSigningSecret } from "./signing.ts";
import { startTestReceiver, type TestReceiver } from "./test-receiver.ts";
import { webhookLimits } from "./webhook-schemas.ts";

interface Problem {
  in?: string;
  path: string;
  code: string;
  limit?: number | string;
}

describe.each(testDatabases)("webhook subscriptions on %s", (kind) => {
  let server: TestServer;
  let first: TestOrganization;
  let second: TestOrganization;
  let receiver: TestReceiver;

  beforeAll(async () => {
    receiver = await startTestReceiver();
    server = await createTestServer(kind);
    first = await server.organization("First");
    second = await server.organization("Second");
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  function create(key: string, payload: object) {
    return server.request(key, { method: "POST", url: "/v1/webhooks", payload });
  }
  async function created(payload: object = {}) {
    const response = await create(first.adminKey, {
      url: "https://helpdesk.example.com/parley",
      events: ["conversation.transferred"],
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  function problems(response: { json(): { error: { problems?: Problem[] } } }): Problem[] {
    return response.json().error.problems ?? [];
  }

  it("creates, reads, lists, changes and deletes a subscription; the secret is shown at creation only", async () => {
    const webhook = await created({
      url: "https://helpdesk.example.com/parley?token=abc",
      events: ["conversation.transferred", "conversation.ended", "conversation.transferred"],
      description: "  Help desk handoffs  ",
    });
    expect(webhook).toMatchObject({
      url: "https://helpdesk.example.com/parley?token=abc",
      events: ["conversation.transferred", "conversation.ended"],
      description: "Help desk handoffs",
      enabled: true,
      previousSecretExpiresAt: null,
    });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook.secretHint).toBe(`whsec_…${webhook.secret.slice(-4)}`);

    const read = await server.request(first.adminKey, { method: "GET", url: `/v1/webhooks/${webhook.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).not.toHaveProperty("secret");
    expect(read.json().secretHint).toBe(webhook.secretHint);
    const listed = await server.request(first.adminKey, { method: "GET", url: "/v1/webhooks" });
    expect(listed.json().data.map((item: { id: string }) => item.id)).toContain(webhook.id);
    expect(JSON.stringify(listed.json())).not.toContain(webhook.secret);

    const changed = await server.request(first.adminKey, {
      method: "PATCH",
      url: `/v1/webhooks/${webhook.id}`,
      payload: { events: ["message.created"], enabled: false },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      url: webhook.url,
      description: "Help desk handoffs",
      events: ["message.created"],
      enabled: false,
    });

    const deleted = await server.request(first.adminKey, {
      method: "DELETE",
      url: `/v1/webhooks/${webhook.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    const gone = await server.request(first.adminKey, { method: "GET", url: `/v1/webhooks/${webhook.id}` });
    expect(gone.statusCode).toBe(404);
  });

  it("rotates the secret, keeping the old one signing for the time asked", async () => {
    const webhook = await created();
    const rotated = await server.request(first.adminKey, {
      method: "POST",
      url: `/v1/webhooks/${webhook.id}/rotate-secret`,
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().secret).not.toBe(webhook.secret);
    const expires = Date.parse(rotated.json().previousSecretExpiresAt);
    expect(expires - Date.now()).toBeGreaterThan(23 * 60 * 60 * 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(24 * 60 * 60 * 1000);

    const leaked = await server.request(first.adminKey, {
      method: "POST",
      url: `/v1/webhooks/${webhook.id}/rotate-secret`,
      payload: { previousSecretExpiresInSeconds: 0 },
    });
    expect(leaked.json().previousSecretExpiresAt).toBeNull();

    const tooLong = await server.request(first.adminKey, {
      method: "POST",
      url: `/v1/webhooks/${webhook.id}/rotate-secret`,
      payload: { previousSecretExpiresInSeconds: 30 * 24 * 60 * 60 },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(problems(tooLong)).toEqual([
      expect.objectContaining({
        in: "body",
        path: "/previousSecretExpiresInSeconds",
        code: "too_big",
        limit: webhookLimits.previousSecretSeconds,
      }),
    ]);
  });

  it("names every invalid field with its JSON pointer, rule and limit (400)", async () => {
    const response = await create(first.adminKey, {
      url: "ftp://helpdesk.example.com/parley",
      events: ["conversation.started", "conversation.exploded"],
      description: "x".repeat(webhookLimits.descriptionLength + 1),
      enabled: "yes",
      secret: "mine",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("invalid_request");
    expect(problems(response)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: "body", path: "/url", code: "invalid_format" }),
        expect.objectContaining({ path: "/events/1", code: "invalid_value" }),
        expect.objectContaining({
          path: "/description",
          code: "too_big",
          limit: webhookLimits.descriptionLength,
        }),
        expect.objectContaining({ path: "/enabled", code: "invalid_type" }),
        expect.objectContaining({ path: "/secret", code: "unrecognized_key" }),
      ]),
    );

    const cases: Array<[object, Problem]> = [
      [
        { url: `https://example.com/${"a".repeat(webhookLimits.urlLength)}`, events: ["message.created"] },
        { path: "/url", code: "too_big", limit: webhookLimits.urlLength },
      ],
      [
        { url: "https://user:password@example.com/", events: ["message.created"] },
        { path: "/url", code: "invalid_format" },
      ],
      [
        { url: "/relative", events: ["message.created"] },
        { path: "/url", code: "invalid_format" },
      ],
      [
        { url: "https://example.com/", events: [] },
        { path: "/events", code: "too_small", limit: 1 },
      ],
      [
        { url: "https://example.com/", events: ["webhook.test"] },
        { path: "/events/0", code: "invalid_value" },
      ],
      [{ events: ["message.created"] }, { path: "/url", code: "invalid_type" }],
    ];
    for (const [payload, problem] of cases) {
      const refused = await create(first.adminKey, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(problems(refused)).toEqual([expect.objectContaining(problem)]);
    }

    const webhook = await created();
    const patch = await server.request(first.adminKey, {
      method: "PATCH",
      url: `/v1/webhooks/${webhook.id}`,
      payload: { url: "mailto:desk@example.com", events: ["message.deleted"], id: "mine" },
    });
    expect(patch.statusCode).toBe(400);
    expect(problems(patch).map((problem) => problem.path)).toEqual(
      expect.arrayContaining(["/url", "/events/0", "/id"]),
    );
    const badQuery = await server.request(first.adminKey, {
      method: "GET",
      url: `/v1/webhooks/${webhook.id}/deliveries?status=lost&limit=500&cursor=nonsense`,
    });
    expect(badQuery.statusCode).toBe(400);
    expect(problems(badQuery)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: "query", path: "/status", code: "invalid_value" }),
        expect.objectContaining({ in: "query", path: "/limit", code: "too_big", limit: 200 }),
      ]),
    );
    const badCursor = await server.request(first.adminKey, {
      method: "GET",
      url: `/v1/webhooks/${webhook.id}/deliveries?cursor=nonsense`,
    });
    expect(badCursor.statusCode).toBe(400);
    expect(problems(badCursor)).toEqual([
      expect.objectContaining({ in: "query", path: "/cursor", code: "invalid_cursor" }),
    ]);
    const badId = await server.request(first.adminKey, { method: "GET", url: "/v1/webhooks/not-an-id" });
    expect(badId.statusCode).toBe(400);
    expect(problems(badId)).toEqual([expect.objectContaining({ in: "params", path: "/id" })]);
  });

  it(`refuses the subscription over ${webhookLimits.subscriptionsPerOrganization} (422 with the limit)`, async () => {
    const crowded = await server.organization("Crowded");
    const limit = webhookLimits.subscriptionsPerOrganization;
    await server.connection.database.insert(webhookSubscriptions).values(
      Array.from({ length: limit }, (_, index) => ({
        id: crypto.randomUUID(),
        organizationId: crowded.id,
        url: `https://example.com/${index}`,
        eventTypes: ["message.created"],
        secret: newSigningSecret(),
      })),
    );
    const refused = await create(crowded.adminKey, {
      url: "https://example.com/",
      events: ["message.created"],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("limit_reached");
    expect(problems(refused)).toEqual([expect.objectContaining({ code: "limit_reached", limit })]);
  });

  it("answers 401 without credentials and 403 without the organization set-up scope, reading included", async () => {
    const webhook = await created();
    expect((await server.request(null, { method: "GET", url: "/v1/webhooks" })).statusCode).toBe(401);
    const reader = await first.keyWith(scopes.read, scopes.reportsRead, scopes.agent, scopes.recordsWrite);
    for (const [method, url] of [
      ["GET", "/v1/webhooks"],
      ["GET", `/v1/webhooks/${webhook.id}`],
      ["GET", `/v1/webhooks/${webhook.id}/deliveries`],
      ["POST", `/v1/webhooks/${webhook.id}/rotate-secret`],
      ["POST", `/v1/webhooks/${webhook.id}/test`],
      ["DELETE", `/v1/webhooks/${webhook.id}`],
    ] as const) {
      const refused = await server.request(reader, { method, url });
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
      expect(refused.json().error.message).toContain(scopes.organizationWrite);
    }
    const writer = await first.keyWith(scopes.organizationWrite);
    expect((await server.request(writer, { method: "GET", url: "/v1/webhooks" })).statusCode).toBe(200);
  });

  it("answers 404 for another organization's subscriptions and deliveries, and lists none of them", async () => {
    const webhook = await created({ url: receiver.url });
    const test = await server.request(first.adminKey, {
      method: "POST",
      url: `/v1/webhooks/${webhook.id}/test`,
    });
    expect(test.statusCode, test.body).toBe(202);
    const deliveryId = test.json().id;
    const theirRoutes: Array<{ method: "GET" | "POST" | "PATCH" | "DELETE"; url: string; payload?: object }> =
      [
        { method: "GET", url: `/v1/webhooks/${webhook.id}` },
        { method: "PATCH", url: `/v1/webhooks/${webhook.id}`, payload: { enabled: false } },
        { method: "POST", url: `/v1/webhooks/${webhook.id}/rotate-secret` },
        { method: "POST", url: `/v1/webhooks/${webhook.id}/test` },
        { method: "GET", url: `/v1/webhooks/${webhook.id}/deliveries` },
        { method: "GET", url: `/v1/webhook-deliveries/${deliveryId}` },
        { method: "DELETE", url: `/v1/webhooks/${webhook.id}` },
      ];
    for (const route of theirRoutes) {
      const response = await server.request(second.adminKey, route);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
      expect(response.json().error.code).toBe("not_found");
    }
    const listed = await server.request(second.adminKey, { method: "GET", url: "/v1/webhooks" });
    expect(listed.json().data).toEqual([]);
    const still = await server.request(first.adminKey, { method: "GET", url: `/v1/webhooks/${webhook.id}` });
    expect(still.json().enabled).toBe(true);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const missing = await server.request(first.adminKey, {
      method: "GET",
      url: `/v1/webhook-deliveries/${unknown}`,
    });
    expect(missing.statusCode).toBe(404);
  });
});
