import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { CliError } from "./exit-codes.ts";

const reasons: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
};

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && reasons[code]) return reasons[code];
  return error instanceof Error ? error.message : String(error);
}

export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${reason(error)}`);
  }
}

/** Writes a file, creating its folder; refuses to replace an existing file unless `overwrite`. */
export async function writeTextFile(
  path: string,
  text: string,
  options: { overwrite: boolean },
): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, { encoding: "utf8", flag: options.overwrite ? "w" : "wx" });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === "EEXIST") {
      throw new CliError(`${path} already exists; add --force to overwrite it`);
    }
    throw new CliError(`cannot write ${path}: ${reason(error)}`);
  }
}
