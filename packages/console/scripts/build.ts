/** `npm run build:console`: builds the console now, stale or not (the server builds it on start when stale). */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { consoleDistributionDirectory, ensureConsoleBuilt } from "../build/console-build.ts";

rmSync(join(consoleDistributionDirectory, ".build-stamp"), { force: true });
await ensureConsoleBuilt({ onProgress: (message) => console.log(message) });
