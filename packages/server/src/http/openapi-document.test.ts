import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("the committed OpenAPI document", () => {
  // In a child process: Vitest evaluates the model's schemas once per test file, and the named schemas
  // would be registered twice in Zod's global registry, which the document is built from.
  it("matches the routes (run npm run openapi when this fails)", async () => {
    const { stdout } = await run(process.execPath, ["packages/server/scripts/write-openapi.ts", "--check"]);
    expect(stdout).toContain("is up to date");
  }, 60_000);
});
