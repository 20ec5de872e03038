/**
 * Writes packages/model/generated/assistant.schema.json from the Zod schemas.
 *   node packages/model/scripts/write-json-schema.ts           rewrite the file
 *   node packages/model/scripts/write-json-schema.ts --check   exit 1 when the committed file is stale
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { assistantJsonSchemaText } from "../src/json-schema.ts";

const target = fileURLToPath(new URL("../generated/assistant.schema.json", import.meta.url));
const shownPath = relative(process.cwd(), target);
const expected = assistantJsonSchemaText();
const current = existsSync(target) ? readFileSync(target, "utf8") : null;

if (process.argv.includes("--check")) {
  if (current !== expected) {
    console.error(
      `${shownPath} is stale (missing, or different from what the Zod schemas generate). Run \`npm run schema\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`${shownPath} is up to date.`);
} else if (current === expected) {
  console.log(`${shownPath} is already up to date.`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, expected);
  console.log(`Wrote ${shownPath}.`);
}
