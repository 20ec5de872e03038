/**
 * Refreshes the generated tables of docs/assistant-format.md (capabilities and problem codes).
 *   node packages/model/scripts/write-format-tables.ts           rewrite the tables
 *   node packages/model/scripts/write-format-tables.ts --check   exit 1 when they are stale
 */
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { withReferenceTables } from "../src/validation/reference-tables.ts";

const target = fileURLToPath(new URL("../../../docs/assistant-format.md", import.meta.url));
const shownPath = relative(process.cwd(), target);
const current = readFileSync(target, "utf8");
const expected = withReferenceTables(current);

if (process.argv.includes("--check")) {
  if (current !== expected) {
    console.error(
      `The tables in ${shownPath} are stale. Run \`node packages/model/scripts/write-format-tables.ts\`.`,
    );
    process.exit(1);
  }
  console.log(`The tables in ${shownPath} are up to date.`);
} else if (current === expected) {
  console.log(`The tables in ${shownPath} are already up to date.`);
} else {
  writeFileSync(target, expected);
  console.log(`Updated the tables in ${shownPath}.`);
}
