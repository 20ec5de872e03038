import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The console package's folder. */
export const consolePackageDirectory = fileURLToPath(new URL("..", import.meta.url));
/** What `vite build` writes and the server serves at /console. */
export const consoleDistributionDirectory = join(consolePackageDirectory, "dist");

/** Written after a build; its time says what the build saw. */
const buildStampName = ".build-stamp";
/** The inputs of a build besides src/: a change to any of them makes the build stale. */
const buildInputs = ["index.html", "vite.config.ts", "package.json", "../model/src"];

function newestModification(path: string): number {
  const status = statSync(path);
  if (!status.isDirectory()) return status.mtimeMs;
  let newest = status.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules") continue;
    newest = Math.max(newest, newestModification(join(path, entry)));
  }
  return newest;
}

/** Whether dist/ is missing or older than a source file. */
export function isConsoleBuildStale(): boolean {
  const stamp = join(consoleDistributionDirectory, buildStampName);
  if (!existsSync(stamp)) return true;
  const builtAt = statSync(stamp).mtimeMs;
  const inputs = ["src", ...buildInputs].map((input) => join(consolePackageDirectory, input));
  return inputs.some((input) => existsSync(input) && newestModification(input) > builtAt);
}

export interface ConsoleBuildOptions {
  /** Told before a build starts and after it ends, so a first start does not look stuck. */
  onProgress?: (message: string) => void;
}

/**
 * Builds the console with Vite when dist/ is missing or stale (docs/decisions/2026-12-07-console-build.md),
 * so `npm install && npm start` serves it with no build step of its own. Vite is loaded only then.
 */
export async function ensureConsoleBuilt(options: ConsoleBuildOptions = {}): Promise<boolean> {
  if (!isConsoleBuildStale()) return false;
  const started = performance.now();
  options.onProgress?.("Building the console (once after install or a change; a few seconds)…");
  const { build } = await import("vite");
  // Vite takes React's build from NODE_ENV, which test runners set to "test": the console is always
  // served as production builds it, small and fast, whoever starts the build.
  const environment = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: join(consolePackageDirectory, "vite.config.ts"),
      root: consolePackageDirectory,
      mode: "production",
      logLevel: "warn",
    });
  } finally {
    process.env.NODE_ENV = environment;
  }
  writeFileSync(join(consoleDistributionDirectory, buildStampName), new Date().toISOString());
  options.onProgress?.(`Console built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
