import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { demoOrganization } from "../conversations/test-setup.ts";
import { conversationRatings } from "../database/schema/index.ts";

const invalidCharacters = (where: string, path: string) =>
  expect.objectContaining({ in: where, path, code: "invalid_characters" });

function errorOf(response: LightMyRequestResponse): {
  code: string;
  message: string;
  problems?: Array<Record<string, unknown>>;
} {
  return response.json().error;
}

describe.each(testDatabases)("what a request may carry, on %s", (kind) => {
  let server: TestServer;
  let adminKey: string;
  let brandId: string;
  let conversationId: string;
  let visitorToken: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    const demo = await demoOrganization(server);
    adminKey = demo.organization.adminKey;
    brandId = demo.brandId;
    const started = await server.request(null, {
      method: "POST",
      url: "/v1/web-chat/conversations",
      payload: { brandId, session: {} },
    });
    expect(started.statusCode, started.body).toBe(201);
    conversationId = started.json().conversation.id;
    visitorToken = started.json().visitorToken;
  }, 60_000);
  afterAll(() => server?.close());

  const rate = (payload: string) =>
    server.request(null, {
      method: "POST",
      url: `/v1/web-chat/conversations/${conversationId}/rating`,
      headers: { "content-type": "application/json", "x-parley-visitor-token": visitorToken },
      payload,
    });
  const ratings = async () => {
    const [row] = await server.connection.database
      .select({ count: sql<number>`count(*)::int` })
      .from(conversationRatings);
    return row?.count;
  };

  it("refuses a NUL or an unpaired surrogate in the public rating's comment with 400 naming the field", async () => {
    for (const comment of ["Great\\u0000", "half a pair \\ud83d", "\\udc00 the other half"]) {
      const response = await rate(`{"scale":5,"value":4,"comment":"${comment}"}`);
      expect(response.statusCode, response.body).toBe(400);
      expect(errorOf(response)).toMatchObject({
        code: "invalid_request",
        problems: [invalidCharacters("body", "/comment")],
      });
    }
    expect(await ratings()).toBe(0);
    // A character outside the Basic Multilingual Plane is a well-formed pair of surrogates: stored.
    const emoji = await rate('{"scale":5,"value":5,"comment":"Great \\ud83d\\ude00"}');
    expect(emoji.statusCode, emoji.body).toBe(201);
    expect(await ratings()).toBe(1);
  });

  it("names every offending string and key of a body, nested, with JSON pointers", async () => {
    const response = await server.request(adminKey, {
      method: "POST",
      url: "/v1/customers",
      headers: { "content-type": "application/json" },
      payload: '{"name":"Ada\\u0000","attributes":{"ti/er\\ud800":"Gold","notes":["fine","bad\\u0000"]}}',
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(errorOf(response).problems).toEqual([
      invalidCharacters("body", "/name"),
      invalidCharacters("body", "/attributes/ti~1er\ud800"),
      invalidCharacters("body", "/attributes/notes/1"),
    ]);
  });

  it("refuses them in the query string and in the path too", async () => {
    const query = await server.request(adminKey, { method: "GET", url: "/v1/customers?search=a%00b" });
    expect(query.statusCode, query.body).toBe(400);
    expect(errorOf(query).problems).toEqual([invalidCharacters("query", "/search")]);

    const params = await server.request(adminKey, {
      method: "GET",
      url: "/v1/customers/by-external-id/shop%00-1",
    });
    expect(params.statusCode, params.body).toBe(400);
    expect(errorOf(params).problems).toEqual([invalidCharacters("params", "/externalId")]);

    // A surrogate cannot be percent-encoded as valid UTF-8: such a path is refused as a bad URL.
    const surrogate = await server.request(adminKey, {
      method: "GET",
      url: "/v1/customers/by-external-id/%ED%A0%80",
    });
    expect(surrogate.statusCode, surrogate.body).toBe(400);
    expect(errorOf(surrogate).code).toBe("invalid_url");
  });

  it("reaches a record by the longest external id its schema allows", async () => {
    const externalId = "€".repeat(256);
    const created = await server.request(adminKey, {
      method: "POST",
      url: "/v1/customers",
      payload: { externalId, name: "Long" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const found = await server.request(adminKey, {
      method: "GET",
      url: `/v1/customers/by-external-id/${encodeURIComponent(externalId)}`,
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ externalId, name: "Long" });
  });

  it("accepts an empty JSON body on a route that takes none, and refuses it on a route that needs one", async () => {
    const close = await server.request(null, {
      method: "POST",
      url: `/v1/web-chat/conversations/${conversationId}/close`,
      headers: { "content-type": "application/json", "x-parley-visitor-token": visitorToken },
      payload: "",
    });
    expect(close.statusCode, close.body).toBe(200);

    const brand = await server.request(adminKey, {
      method: "POST",
      url: "/v1/brands",
      headers: { "content-type": "application/json" },
      payload: "",
    });
    expect(brand.statusCode, brand.body).toBe(400);
    expect(errorOf(brand)).toMatchObject({
      code: "invalid_request",
      problems: [expect.objectContaining({ in: "body", path: "" })],
    });
  });

  it("answers malformed JSON and prototype keys with Parley's codes, never Fastify's", async () => {
    const cases = [
      { payload: '{"name": "Acme",', code: "invalid_json", problem: "invalid_json" },
      {
        payload: '{"name":"Acme","__proto__":{"admin":true}}',
        code: "invalid_json",
        problem: "forbidden_key",
      },
      {
        payload: '{"name":"Acme","constructor":{"prototype":{"admin":true}}}',
        code: "invalid_json",
        problem: "forbidden_key",
      },
    ];
    for (const { payload, code, problem } of cases) {
      const response = await server.request(adminKey, {
        method: "POST",
        url: "/v1/brands",
        headers: { "content-type": "application/json" },
        payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(errorOf(response)).toMatchObject({
        code,
        problems: [expect.objectContaining({ in: "body", path: "", code: problem })],
      });
    }
    const nested = (depth: number) =>
      server.request(adminKey, {
        method: "POST",
        url: "/v1/brands",
        headers: { "content-type": "application/json" },
        payload: `{"name":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`,
      });
    const deepest = await nested(128);
    expect(errorOf(deepest)).toMatchObject({ code: "invalid_request", problems: [{ path: "/name" }] });
    const tooDeep = await nested(129);
    expect(tooDeep.statusCode).toBe(400);
    expect(errorOf(tooDeep)).toMatchObject({
      code: "invalid_json",
      problems: [{ in: "body", path: "", code: "too_deep", limit: 128 }],
    });
    const wrongType = await server.request(adminKey, {
      method: "POST",
      url: "/v1/brands",
      headers: { "content-type": "text/csv" },
      payload: "name\nAcme",
    });
    expect(wrongType.statusCode).toBe(415);
    expect(errorOf(wrongType).code).toBe("unsupported_media_type");
    const overlong = await server.request(adminKey, { method: "GET", url: `/v1/brands/${"a".repeat(2400)}` });
    expect(overlong.statusCode).toBe(414);
    expect(errorOf(overlong).code).toBe("uri_too_long");
  });
});
