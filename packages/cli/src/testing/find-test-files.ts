import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { CliError } from "../exit-codes.ts";

const testFilePattern = /\.test\.ya?ml$/;
/** Folders that hold no tests of ours and can be huge. */
const skippedFolders = new Set(["node_modules", ".git"]);

async function collect(folder: string, found: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !skippedFolders.has(entry.name)) await collect(path, found);
    else if (entry.isFile() && testFilePattern.test(entry.name)) found.push(path);
  }
}

/** A file is taken as given; a folder is searched, recursively and in name order, for `*.test.yaml` and `*.test.yml`. */
export async function findTestFiles(path: string): Promise<string[]> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    throw new CliError(`cannot read ${path}: no such file or directory`);
  }
  if (!isFolder) return [path];
  const found: string[] = [];
  try {
    await collect(path, found);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (found.length === 0) throw new CliError(`no *.test.yaml or *.test.yml files under ${path}`);
  return found;
}
