import { Parser } from "htmlparser2";

/**
 * Elements that stand apart from the text around them. Search splits articles into passages at
 * blank lines and answers quote passages, so these end a paragraph.
 */
const paragraphElements = new Set([
  "p",
  "div",
  "section",
  "article",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "table",
  "hr",
  "figure",
  "figcaption",
  "details",
  "summary",
  "dl",
]);
const headingElements = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Elements on a line of their own inside a paragraph. */
const lineElements = new Set(["li", "tr", "caption", "dt", "dd"]);
const cellElements = new Set(["td", "th"]);

/** What to put before the next text: nothing, a line break, or a blank line. */
type Break = 0 | 1 | 2;

/**
 * The plain text of (sanitized) HTML, laid out the way search and answers read it: paragraphs,
 * headings, lists and tables are separated by blank lines; a heading stays on the line right above
 * its first paragraph, so a passage keeps its heading; list items are lines starting with "- ",
 * indented two spaces per nested list; table rows are lines with cells separated by " | ".
 * Whitespace is collapsed except inside `pre`, entities are decoded, and no tag is left.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = "";
  let pending: Break = 0;
  let afterHeading = false;
  /** The line holds a list item's "- " and nothing yet: a paragraph opening inside it stays on it. */
  let freshListItem = false;
  let preformatted = 0;
  let listDepth = 0;
  let cellsInRow = 0;

  /** Asks for at least this much space before the next text; space at the very start is dropped. */
  function requestBreak(size: Break): void {
    if (size > pending) pending = size;
  }

  function endLine(): void {
    lines.push(line.trimEnd());
    line = "";
  }

  /** Puts the break asked for before the text about to be written. */
  function applyBreak(): void {
    if (pending > 0 && !freshListItem && (line !== "" || lines.length > 0)) {
      const blankLine = pending === 2 && !afterHeading;
      endLine();
      if (blankLine) lines.push("");
    }
    pending = 0;
    afterHeading = false;
  }

  function write(text: string): void {
    if (text === "") return;
    applyBreak();
    freshListItem = false;
    line += text;
  }

  function writeInline(text: string): void {
    const collapsed = text.replace(/\s+/g, " ");
    // Spaces at the start of a line, or after a space, are the source's layout, not text.
    const atLineStart = pending > 0 || line === "" || line.endsWith(" ");
    write(atLineStart ? collapsed.replace(/^ /, "") : collapsed);
  }

  function writePreformatted(text: string): void {
    text
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .forEach((segment, index) => {
        if (index > 0) {
          applyBreak();
          endLine();
        }
        write(segment);
      });
  }

  function isList(name: string): boolean {
    return name === "ul" || name === "ol";
  }

  const parser = new Parser(
    {
      onopentag(name) {
        if (headingElements.has(name)) {
          afterHeading = false;
          requestBreak(2);
        } else if (paragraphElements.has(name)) {
          requestBreak(listDepth > 0 ? 1 : 2);
        } else if (lineElements.has(name) || name === "br") {
          requestBreak(1);
        }
        if (isList(name)) listDepth += 1;
        if (name === "pre") preformatted += 1;
        if (name === "tr") cellsInRow = 0;
        if (name === "li") {
          write(`${"  ".repeat(Math.max(0, listDepth - 1))}- `);
          freshListItem = true;
        }
        if (cellElements.has(name)) {
          if (cellsInRow > 0) {
            line = line.trimEnd();
            write(" | ");
          }
          cellsInRow += 1;
        }
      },
      ontext(text) {
        if (preformatted > 0) writePreformatted(text);
        else writeInline(text);
      },
      onclosetag(name) {
        if (isList(name)) listDepth -= 1;
        if (name === "pre") preformatted -= 1;
        if (headingElements.has(name)) {
          requestBreak(2);
          afterHeading = true;
        } else if (paragraphElements.has(name)) {
          // Inside a list, paragraphs (of loose Markdown lists) and nested lists end a line only,
          // so the list stays one passage.
          requestBreak(listDepth > 0 ? 1 : 2);
          afterHeading = false;
        } else if (lineElements.has(name)) {
          requestBreak(1);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  endLine();
  return tidy(lines);
}

/** Trims every line, keeps at most one blank line in a row, and none at either end. */
function tidy(lines: readonly string[]): string {
  const kept: string[] = [];
  for (const raw of lines) {
    const text = raw.replace(/\u00a0/g, " ").trimEnd();
    const blank = text.trim() === "";
    if (blank && (kept.length === 0 || kept.at(-1) === "")) continue;
    kept.push(blank ? "" : text);
  }
  while (kept.at(-1) === "") kept.pop();
  return kept.join("\n");
}
