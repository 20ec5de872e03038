import { isMap, isScalar, LineCounter, parseDocument } from "yaml";

/** A front matter key's value and the file line it is on. */
export interface FrontMatterEntry {
  value: unknown;
  line: number;
}

export type FrontMatter =
  | {
      kind: "none";
      /** The whole text: there is no front matter to take off. */
      body: string;
      bodyLine: 1;
    }
  | {
      kind: "read";
      entries: Map<string, FrontMatterEntry>;
      body: string;
      /** The file line the body starts on. */
      bodyLine: number;
    }
  | { kind: "invalid"; line: number; message: string };

const opening = /^---[ \t]*$/;
const closing = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits a `---` YAML block off the top of a Markdown text (as static site generators write
 * it) and reads its keys with the line each is on. The text must have LF line ends.
 */
export function readFrontMatter(text: string): FrontMatter {
  const lines = text.split("\n");
  if (!opening.test(lines[0] ?? "")) return { kind: "none", body: text, bodyLine: 1 };
  const end = lines.findIndex((line, index) => index > 0 && closing.test(line));
  if (end < 0) {
    return {
      kind: "invalid",
      line: 1,
      message: "the front matter is not closed: add a line with --- after its last key",
    };
  }
  const yaml = lines.slice(1, end).join("\n");
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: true });
  // The YAML starts on the file's line 2.
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const error = document.errors[0];
  if (error) {
    const line = (error.linePos?.[0]?.line ?? 1) + 1;
    return {
      kind: "invalid",
      line,
      message: `the front matter is not valid YAML: ${firstLine(error.message)}`,
    };
  }
  const entries = new Map<string, FrontMatterEntry>();
  const contents = document.contents;
  if (contents !== null && !(isScalar(contents) && contents.value === null)) {
    if (!isMap(contents)) {
      return {
        kind: "invalid",
        line: 2,
        message: "the front matter must be key: value lines, such as title: …",
      };
    }
    const values = document.toJS() as Record<string, unknown>;
    for (const pair of contents.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      entries.set(key, { value: values[key], line: fileLine(pair.key.range?.[0] ?? 0) });
    }
  }
  return { kind: "read", entries, body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}

/** The yaml package's messages end with a drawing of the line; the file line is reported separately. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
