import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../src/main.ts";

/** The real bin, run the way npm runs it: a fresh Node process (vitest runs on Node 24, so execPath is Node 24). */
export const binPath = fileURLToPath(new URL("../bin/parley.js", import.meta.url));

export interface ParleyRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runParley(args: readonly string[], cwd: string): ParleyRun {
  const result = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** parley in this process, so it reaches a server the test started and its requests can be counted. */
export async function runParleyHere(...args: string[]): Promise<ParleyRun> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { status, stdout, stderr };
}

/** A stack trace line, which parley must never print. */
export const stackTraceLine = /^\s+at .+[:(]/m;

export function createTempDirectory(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), "parley-cli-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
