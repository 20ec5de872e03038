import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  articleFileExtensions,
  type ImportProblem,
  isArticleFile,
  parseArticleFile,
  type SourcedArticle,
} from "@parley/knowledge";
import { CliError } from "../exit-codes.ts";
import { readTextFile } from "../files.ts";

export interface CollectedArticles {
  files: string[];
  articles: SourcedArticle[];
  problems: ImportProblem[];
}

/** Folders that hold tooling, not articles: version control, dependencies, editor settings. */
function skipped(entry: Dirent): boolean {
  return entry.name.startsWith(".") || entry.name === "node_modules";
}

/** The article files under a folder, in name order at every level, so every run sends the same order. */
async function filesUnder(folder: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw new CliError(`cannot read the folder ${folder}: ${(error as Error).message}`);
  }
  const files: string[] = [];
  for (const entry of entries.sort((left, right) => (left.name < right.name ? -1 : 1))) {
    if (skipped(entry)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile() && isArticleFile(entry.name)) files.push(path);
  }
  return files;
}

async function filesOf(path: string): Promise<string[]> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    // readTextFile names the reason (no such file, permission denied).
    await readTextFile(path);
    isFolder = false;
  }
  if (!isFolder) return [path];
  const files = await filesUnder(path);
  if (files.length === 0) {
    throw new CliError(`${path} holds no article files (${articleFileExtensions.join(", ")})`);
  }
  return files;
}

/**
 * Reads and parses every article file named, or found under the folders named. A file named
 * twice (directly and through its folder) is read once. An unreadable path stops everything;
 * problems inside files are collected so all of them can be reported at once.
 */
export async function collectArticles(paths: readonly string[]): Promise<CollectedArticles> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    for (const file of await filesOf(path)) {
      const key = resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  const collected: CollectedArticles = { files, articles: [], problems: [] };
  for (const file of files) {
    const parsed = parseArticleFile(file, await readTextFile(file));
    collected.articles.push(...parsed.articles);
    collected.problems.push(...parsed.problems);
  }
  return collected;
}
