import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../../test/test-server.ts";
import { bootstrapFirstStart } from "../../bootstrap/first-start.ts";

describe.each(testDatabases)("widget routes on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server.close());

  it("serves the demo page without a demo brand, saying so", async () => {
    const page = await server.request(null, { method: "GET", url: "/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toContain("no brand named");
    expect(page.body).not.toContain("widget.js");
  });

  it("embeds the widget with the demo brand of the first organization", async () => {
    const report = await bootstrapFirstStart(server.connection.database, {});
    await server.organization("A later organization");
    const brands = await server.request(report?.generatedApiKey ?? "", { method: "GET", url: "/v1/brands" });
    const demoBrand = brands.json().data.find((brand: { name: string }) => brand.name === "Demo Store");
    const page = await server.request(null, { method: "GET", url: "/" });
    expect(page.body).toContain(`<script src="/widget.js" data-brand="${demoBrand.id}" async></script>`);
    expect(page.body).toContain("window.Parley = window.Parley || []");
  });

  it("serves the built widget with caching headers, and 304 when the browser has it", async () => {
    const script = await server.request(null, { method: "GET", url: "/widget.js" });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(script.headers["cache-control"]).toBe("public, max-age=300");
    const etag = String(script.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(script.body).toContain("data-brand");

    const again = await server.request(null, {
      method: "GET",
      url: "/widget.js",
      headers: { "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(etag);
  });

  it("keeps both routes out of the OpenAPI document", async () => {
    const document = server.app.swagger() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).not.toContain("/widget.js");
    expect(Object.keys(document.paths)).not.toContain("/");
  });
});
