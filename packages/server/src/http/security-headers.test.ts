import { createHash, randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { bootstrapFirstStart } from "../bootstrap/first-start.ts";

function policy(response: LightMyRequestResponse): Map<string, string> {
  const header = String(response.headers["content-security-policy"] ?? "");
  return new Map(
    header
      .split(";")
      .map((directive) => directive.trim())
      .filter(Boolean)
      .map((directive) => {
        const [name = "", ...sources] = directive.split(/\s+/);
        return [name, sources.join(" ")];
      }),
  );
}

function expectNoFramingNorSniffing(response: LightMyRequestResponse): void {
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(policy(response).get("frame-ancestors")).toBe("'none'");
  expect(response.headers["x-frame-options"]).toBe("DENY");
}

describe.each(testDatabases)("security headers on %s", (kind) => {
  let server: TestServer;
  let adminKey: string;

  beforeAll(async () => {
    server = await createTestServer(kind);
    // The demo organization, so the demo page embeds the widget with its inline scripts.
    await bootstrapFirstStart(server.connection.database, {});
    adminKey = (await server.organization()).adminKey;
  }, 120_000);
  afterAll(() => server?.close(), 60_000);

  it("lets /v1 JSON run, load and frame nothing, its errors too", async () => {
    const responses = [
      await server.request(adminKey, { method: "GET", url: "/v1/assistants" }),
      await server.request(null, { method: "GET", url: "/v1/assistants" }),
      await server.request(null, { method: "GET", url: "/v1/no-such-route" }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([200, 401, 404]);
    for (const response of responses) {
      expectNoFramingNorSniffing(response);
      expect(policy(response).get("default-src")).toBe("'none'");
      expect(response.headers["referrer-policy"]).toBe("no-referrer");
      expect(response.headers["cross-origin-resource-policy"]).toBe("same-origin");
      // HTTPS and its HSTS belong to the operator's proxy.
      expect(response.headers["strict-transport-security"]).toBeUndefined();
    }
  });

  it("lets any site use the web chat routes and show uploaded files", async () => {
    const response = await server.request(null, {
      method: "GET",
      url: `/v1/web-chat/brands/${randomUUID()}`,
    });
    expect(response.statusCode).toBe(404);
    expectNoFramingNorSniffing(response);
    expect(response.headers["access-control-allow-origin"]).toBe("*");
    expect(response.headers["cross-origin-resource-policy"]).toBe("cross-origin");
  });

  it("serves the widget script to any site, never sniffed as anything else", async () => {
    const response = await server.request(null, { method: "GET", url: "/widget.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["cross-origin-resource-policy"]).toBe("cross-origin");
  });

  it("runs on the demo page only its own scripts, its inline ones by hash, and keeps it unframed", async () => {
    const page = await server.request(null, { method: "GET", url: "/" });
    expect(page.statusCode).toBe(200);
    expectNoFramingNorSniffing(page);
    const directives = policy(page);
    expect(directives.get("default-src")).toBe("'self'");
    expect(directives.get("connect-src")).toBe("'self'");
    expect(directives.get("object-src")).toBe("'none'");
    const scriptSources = directives.get("script-src")?.split(" ") ?? [];
    expect(scriptSources).not.toContain("'unsafe-inline'");
    const inline = [...page.body.matchAll(/<script>([^<]*)<\/script>/g)].map((match) => match[1] ?? "");
    expect(inline).toHaveLength(2);
    for (const script of inline) {
      expect(scriptSources).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    }
  });

  it("gives /docs a policy Swagger UI renders under, unframed", async () => {
    const responses = [
      await server.request(null, { method: "GET", url: "/docs/" }),
      await server.request(null, { method: "GET", url: "/docs/static/swagger-ui-bundle.js" }),
      await server.request(null, { method: "GET", url: "/docs/json" }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    for (const response of responses) {
      expectNoFramingNorSniffing(response);
      expect(policy(response).get("script-src")).toBe("'self'");
      expect(policy(response).get("connect-src")).toBe("'self'");
    }
  });

  it("keeps help pages' own policy, and unframed", async () => {
    const response = await server.request(null, {
      method: "GET",
      url: `/help/${randomUUID()}/articles/no-such-article`,
    });
    expect(response.statusCode).toBe(404);
    expectNoFramingNorSniffing(response);
    expect(policy(response).get("default-src")).toBe("'none'");
    expect(policy(response).get("img-src")).toBe("https: http: data:");
  });
});
