import { ensureConsoleBuilt } from "../build/console-build.ts";

/** The browser tests drive the built console, as `npm start` serves it: build it once, when stale. */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt({ onProgress: (message) => console.log(message) });
}
