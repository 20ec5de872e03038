import { extname } from "node:path";
import { isNode, LineCounter, parseDocument } from "yaml";
import { CliError } from "./exit-codes.ts";
import { readTextFile } from "./files.ts";

/**
 * A JSON or YAML file read for its value. `lineOf` finds the line of a JSON
 * pointer in YAML files, so a problem can name the line a person edits; JSON
 * problems are found by their pointer alone.
 */
export interface StructuredFile {
  path: string;
  value: unknown;
  lineOf(pointer: string): number | null;
}

function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

export function parseJsonText(path: string, text: string): StructuredFile {
  const withoutByteOrderMark = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return { path, value: JSON.parse(withoutByteOrderMark), lineOf: () => null };
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

export function parseYamlText(path: string, text: string): StructuredFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    // Pretty errors end with an excerpt of the file; the first line already names the line and column.
    throw new CliError(`${path} is not valid YAML: ${firstError.message.split("\n")[0]?.replace(/:$/, "")}`);
  }
  return {
    path,
    value: document.toJS({ maxAliasCount: 100 }),
    lineOf(pointer) {
      // A missing field has no node: fall back to its parent, the nearest thing that exists.
      const segments = pointerSegments(pointer);
      for (let length = segments.length; length >= 0; length -= 1) {
        const path = segments
          .slice(0, length)
          .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
        const node = length === 0 ? document.contents : document.getIn(path, true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return null;
    },
  };
}

/** `.json` files are JSON; anything else is read as YAML (which also accepts JSON). */
export async function readStructuredFile(path: string): Promise<StructuredFile> {
  const text = await readTextFile(path);
  return extname(path).toLowerCase() === ".json" ? parseJsonText(path, text) : parseYamlText(path, text);
}
