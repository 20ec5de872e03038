/**
 * Guards every route of the OpenAPI document against answering 5xx to a caller's mistake: mutated
 * bodies (wrong types, missing fields, NUL, lone surrogates, huge strings, deep nesting, prototype
 * keys, numbers out of range), query strings and path parameters, sent with an admin key (and the
 * visitor token, for the public web chat routes) on every database. Seeded: each run sends the
 * same requests, so a failure it reports is reproduced by running it again.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, type Fixtures, pathValue } from "./fuzz/fuzz-fixtures.ts";
import { bodyMutations, pathValues, queryMutations, Random } from "./fuzz/mutations.ts";
import { type JsonSchema, type SchemaComponents, sampleOf } from "./fuzz/schema-sample.ts";
import { createTestServer, type TestServer, testDatabases } from "./test-server.ts";

const seed = 13;
const fieldMutationsPerBody = 16;
const queryMutationsPerRoute = 6;
const pathMutationsPerRoute = 3;

interface Operation {
  summary?: string;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: SchemaComponents };
}

const document = JSON.parse(
  readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"),
) as OpenApiDocument;

interface Route {
  method: string;
  path: string;
  operation: Operation;
}

/** Every route but WebSocket upgrades; deletions last, so the resources they remove serve the rest first. */
function routes(): Route[] {
  const all = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );
  return all
    .filter((route) => !route.path.endsWith("/socket"))
    .sort((left, right) => Number(left.method === "DELETE") - Number(right.method === "DELETE"));
}

interface Sent {
  method: string;
  url: string;
  label: string;
  payload: string | Buffer | undefined;
  headers?: Record<string, string>;
}

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
/** Uploads are binary and looked into by nobody but their route; their name comes in a header. */
const uploadNames = [
  "%00evil.png",
  "%ED%A0%80.png",
  "a".repeat(1000),
  "..%2F..%2Fetc%2Fpasswd",
  "%E2%80%AEgnp.exe",
];

function uploads(url: string): Sent[] {
  return uploadNames.map((name) => ({
    method: "POST",
    url,
    label: `upload named ${name.slice(0, 40)}`,
    payload: png,
    headers: { "content-type": "image/png", "x-file-name": name },
  }));
}

function urlOf(route: Route, fixtures: Fixtures, replace?: { index: number; value: string }): string {
  const segments = route.path.split("/");
  return segments
    .map((segment, index) => {
      if (!segment.startsWith("{")) return segment;
      if (replace?.index === index) return replace.value;
      return encodeURIComponent(pathValue(fixtures, segments, index));
    })
    .join("/");
}

function requestsFor(route: Route, fixtures: Fixtures, random: Random): Sent[] {
  const url = urlOf(route, fixtures);
  const sent: Sent[] = [{ method: route.method, url, label: "as documented", payload: undefined }];
  const schema = route.operation.requestBody?.content["application/json"]?.schema;
  if (schema) {
    const key = `${route.method} ${route.path}`;
    const base =
      fixtures.bodies.get(key) ??
      fixtures.bodies.get(`POST ${route.path.replace(/(\/by-external-id)?\/\{[^}]+\}$/, "")}`) ??
      sampleOf(schema, document.components.schemas);
    for (const mutation of bodyMutations(base, random, fieldMutationsPerBody)) {
      sent.push({ method: route.method, url, label: mutation.label, payload: mutation.payload });
    }
  }
  if (route.method === "POST" && route.path.endsWith("/files")) sent.push(...uploads(url));
  const queryNames = (route.operation.parameters ?? [])
    .filter((each) => each.in === "query")
    .map((each) => each.name);
  for (const query of queryMutations(queryNames, random, queryMutationsPerRoute)) {
    sent.push({
      method: route.method,
      url: `${url}?${query}`,
      label: `query ${query.slice(0, 80)}`,
      payload: undefined,
    });
  }
  const parameterIndexes = route.path
    .split("/")
    .flatMap((segment, index) => (segment.startsWith("{") ? [index] : []));
  if (parameterIndexes.length > 0) {
    for (let count = 0; count < pathMutationsPerRoute; count += 1) {
      const replace = { index: random.pick(parameterIndexes), value: random.pick(pathValues) };
      sent.push({
        method: route.method,
        url: urlOf(route, fixtures, replace),
        label: "path",
        payload: undefined,
      });
    }
  }
  return sent;
}

describe.each(testDatabases)("every route under fuzzed input on %s", (kind) => {
  let server: TestServer;
  let fixtures: Fixtures;

  beforeAll(async () => {
    server = await createTestServer(kind, {
      // The fuzz sends every route many requests from one address: no limit may answer 429 first.
      webChatLimits: {
        requestsPerMinutePerIp: 1_000_000,
        messagesPerMinutePerConversation: 1_000_000,
        messagesPerMinutePerIp: 1_000_000,
        startsPerMinutePerIp: 1_000_000,
      },
      signInLimits: { failuresPerAccount: 1_000_000, failuresPerAddress: 1_000_000 },
    });
    fixtures = await createFixtures(server);
  }, 120_000);
  afterAll(() => server?.close());

  it("answers no request with 5xx", async () => {
    const random = new Random(seed);
    const failures: string[] = [];
    let count = 0;
    for (const route of routes()) {
      for (const request of requestsFor(route, fixtures, random)) {
        count += 1;
        const response = await server.app
          .inject({
            method: request.method as "GET",
            url: request.url,
            headers: {
              authorization: `Bearer ${fixtures.adminKey}`,
              "x-parley-visitor-token": fixtures.visitorToken,
              ...(request.payload === undefined ? {} : { "content-type": "application/json" }),
              ...request.headers,
            },
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          })
          .catch((error: unknown) => ({ statusCode: 599, body: String(error) }));
        if (response.statusCode >= 500) {
          failures.push(
            `${request.method} ${request.url.slice(0, 200)} (${request.label}) ${String(request.payload ?? "").slice(0, 300)} → ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
        }
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect(failures, failures.join("\n")).toEqual([]);
  }, 300_000);
});
