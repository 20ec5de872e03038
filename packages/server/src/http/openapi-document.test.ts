import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { openApiDocumentText, openApiDocumentUrl } from "./openapi-document.ts";

describe("the committed OpenAPI document", () => {
  it("matches the routes (run npm run openapi when this fails)", async () => {
    const committed = await readFile(openApiDocumentUrl, "utf8");
    expect(committed).toBe(await openApiDocumentText());
  });

  it("documents every /v1 route with its security", async () => {
    const document = JSON.parse(await openApiDocumentText());
    expect(Object.keys(document.paths)).toContain("/v1/api-keys");
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });
});
