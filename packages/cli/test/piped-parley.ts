import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { binPath, type ParleyRun } from "./run-parley.ts";

/** The repository root, where `examples/` lives. */
export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Runs the real bin with `input` piped to stdin, as a shell pipe would. NO_COLOR
 * keeps the output plain even if the test runner's stdout is a terminal.
 */
export function runParleyWithInput(
  commandLine: readonly string[],
  input: string,
  cwd = repositoryRoot,
): ParleyRun {
  const result = spawnSync(process.execPath, [binPath, ...commandLine], {
    cwd,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
