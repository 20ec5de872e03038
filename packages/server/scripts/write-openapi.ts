// Writes packages/server/generated/openapi.json from the routes' Zod schemas.
// With --check, exits 1 when the committed file is stale (CI runs that).
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openApiDocumentText, openApiDocumentUrl } from "../src/http/openapi-document.ts";

const text = await openApiDocumentText();
// Every $ref must point at a schema of the document: a dangling one breaks client generators.
const document = JSON.parse(text) as { components?: { schemas?: Record<string, unknown> } };
const defined = new Set(Object.keys(document.components?.schemas ?? {}));
const dangling = [...text.matchAll(/"\$ref": "#\/components\/schemas\/([^"]+)"/g)]
  .map((match) => match[1] ?? "")
  .filter((name) => !defined.has(name));
if (dangling.length > 0) {
  console.error(
    `the OpenAPI document refers to schemas it does not define: ${[...new Set(dangling)].join(", ")}`,
  );
  process.exit(1);
}
const path = fileURLToPath(openApiDocumentUrl);
if (process.argv.includes("--check")) {
  const committed = await readFile(path, "utf8").catch(() => "");
  if (committed !== text) {
    console.error(`${path} is stale: run npm run openapi and commit the result`);
    process.exit(1);
  }
  console.log(`${path} is up to date`);
} else {
  await writeFile(path, text);
  console.log(`wrote ${path}`);
}
