import { Lexer, type Token, type Tokens } from "marked";
import { htmlToText } from "../../knowledge/html-text.ts";

/**
 * How `*text*` reads. Markdown (what language models and help articles write) calls it italic;
 * WhatsApp calls it bold, and spec 13 tells authors of WhatsApp assistants to write bold that way.
 */
type SingleAsterisk = "italic" | "bold";

interface Rendering {
  markup: "whatsapp" | "plain";
  singleAsterisk: SingleAsterisk;
  /** Emphasis already open around the text: WhatsApp has no nesting of the same marker. */
  bold: boolean;
  italic: boolean;
  strike: boolean;
}

type Emphasis = "bold" | "italic" | "strike";

const markers: Record<Emphasis, string> = { bold: "*", italic: "_", strike: "~" };

/**
 * Markdown (as AI answers and snippets are written) in WhatsApp's markup: bold `*`, italic `_`,
 * strike `~`, monospace three backticks; headings bold, links "text (url)", bullets "•".
 */
export function whatsappMarkup(markdown: string): string {
  return renderMarkdown(markdown, "whatsapp", "italic");
}

/**
 * Markdown as plain text for SMS, which shows no formatting: the same layout as `whatsappMarkup`
 * without its markers, and bullets as "-" because "•" is not in GSM-7 and would make every segment
 * of the message hold 67 characters instead of 153.
 */
export function plainMarkup(markdown: string): string {
  return renderMarkdown(markdown, "plain", "italic");
}

/**
 * Text an author wrote for a WhatsApp assistant. Authors follow WhatsApp's own conventions
 * (spec 13: `*bold*`, `_italic_`, `~strike~`, three backticks), so those pass through unchanged,
 * and Markdown's `**bold**`, links and lists are converted as `whatsappMarkup` does. Only Markdown's
 * `*italic*` differs: read as WhatsApp reads it, bold.
 */
export function authoredWhatsappText(text: string): string {
  return renderMarkdown(text, "whatsapp", "bold");
}

function renderMarkdown(
  markdown: string,
  markup: Rendering["markup"],
  singleAsterisk: SingleAsterisk,
): string {
  // Our own options object: marked's shared defaults may carry another module's extensions.
  const tokens = Lexer.lex(markdown, { gfm: true, breaks: false });
  const rendering: Rendering = { markup, singleAsterisk, bold: false, italic: false, strike: false };
  return renderBlocks(tokens, rendering).trim();
}

/** Blocks one per line, with a blank line where the source had one, so an author's layout stays. */
function renderBlocks(tokens: readonly Token[], rendering: Rendering): string {
  let output = "";
  let blankLine = false;
  for (const token of tokens) {
    if (token.type === "space") {
      blankLine = true;
      continue;
    }
    const rendered = renderBlock(token, rendering);
    if (rendered === "") continue;
    if (output !== "") output += blankLine ? "\n\n" : "\n";
    output += rendered;
    blankLine = false;
  }
  return output;
}

function renderBlock(token: Token, rendering: Rendering): string {
  switch (token.type) {
    case "paragraph":
      return renderInline((token as Tokens.Paragraph).tokens, rendering);
    case "text":
      return renderText(token as Tokens.Text, rendering);
    case "heading":
      return emphasize("bold", (token as Tokens.Heading).tokens, rendering);
    case "code":
      return renderCode(token as Tokens.Code, rendering);
    case "blockquote":
      return renderQuote(token as Tokens.Blockquote, rendering);
    case "list":
      return renderList(token as Tokens.List, rendering);
    case "table":
      return renderTable(token as Tokens.Table, rendering);
    case "html": {
      const html = (token as Tokens.HTML).text;
      return isMarkup(html) ? htmlToText(html) : html.trim();
    }
    case "hr":
    case "def":
    case "space":
      return "";
    default:
      return token.raw.trim();
  }
}

function renderCode(token: Tokens.Code, rendering: Rendering): string {
  // Indented "code" is usually an author's indented text, not code: kept as written.
  if (token.codeBlockStyle === "indented") return token.raw.replace(/\n+$/, "");
  if (token.text === "") return "";
  return rendering.markup === "whatsapp" ? `\`\`\`${token.text}\`\`\`` : token.text;
}

function renderQuote(token: Tokens.Blockquote, rendering: Rendering): string {
  const quoted = renderBlocks(token.tokens, rendering);
  if (rendering.markup === "plain") return quoted;
  return quoted
    .split("\n")
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n");
}

function renderList(list: Tokens.List, rendering: Rendering): string {
  const first = typeof list.start === "number" ? list.start : 1;
  const bullet = rendering.markup === "whatsapp" ? "•" : "-";
  return list.items
    .map((item, position) => {
      const marker = list.ordered ? `${first + position}.` : bullet;
      const [firstLine = "", ...otherLines] = renderListItem(item, rendering).split("\n");
      // Continuation lines and nested lists line up under the item's text.
      const indent = " ".repeat(marker.length + 1);
      return [`${marker} ${firstLine}`, ...otherLines.map((line) => (line === "" ? "" : indent + line))].join(
        "\n",
      );
    })
    .join("\n");
}

function renderListItem(item: Tokens.ListItem, rendering: Rendering): string {
  const content = renderBlocks(
    item.tokens.filter((token) => token.type !== "checkbox"),
    rendering,
  );
  if (!item.task) return content;
  return `${item.checked ? "[x]" : "[ ]"} ${content}`;
}

/** A table reads badly on a phone: each row becomes "Header: value" lines, rows apart. */
function renderTable(table: Tokens.Table, rendering: Rendering): string {
  const headers = table.header.map((cell) => renderInline(cell.tokens, rendering));
  if (table.rows.length === 0) return headers.join("\n");
  return table.rows
    .map((row) =>
      row
        .map((cell, column) => {
          const value = renderInline(cell.tokens, rendering);
          const header = headers[column] ?? "";
          return header === "" ? value : `${header}: ${value}`;
        })
        .join("\n"),
    )
    .join("\n\n");
}

function renderInline(tokens: readonly Token[], rendering: Rendering): string {
  return tokens.map((token) => renderInlineToken(token, rendering)).join("");
}

function renderInlineToken(token: Token, rendering: Rendering): string {
  switch (token.type) {
    case "text":
      return renderText(token as Tokens.Text, rendering);
    case "escape":
      return (token as Tokens.Escape).text;
    case "strong":
      return emphasize("bold", (token as Tokens.Strong).tokens, rendering);
    case "em": {
      const kind = rendering.singleAsterisk === "bold" && token.raw.startsWith("*") ? "bold" : "italic";
      return emphasize(kind, (token as Tokens.Em).tokens, rendering);
    }
    case "del":
      return emphasize("strike", (token as Tokens.Del).tokens, rendering);
    case "codespan": {
      const code = (token as Tokens.Codespan).text;
      return rendering.markup === "whatsapp" && code !== "" ? `\`\`\`${code}\`\`\`` : code;
    }
    case "br":
      return "\n";
    case "link":
      return renderLink(token as Tokens.Link, rendering);
    case "image":
      return (token as Tokens.Image).href;
    case "html": {
      const tag = (token as Tokens.Tag).text;
      if (!isMarkup(tag)) return tag;
      return /^<br\s*\/?>$/i.test(tag) ? "\n" : "";
    }
    default:
      return token.raw;
  }
}

/**
 * HTML elements a model or an editor may leave in a text. Anything else in angle brackets ("Reply
 * <STOP>", "<order number>") is the author's own words, which a customer must still read.
 */
const htmlElements = new Set(
  (
    "a abbr article b blockquote br caption code dd del details div dl dt em figcaption figure " +
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre s section small span strong sub summary " +
    "sup table tbody td tfoot th thead tr u ul"
  ).split(" "),
);

function isMarkup(html: string): boolean {
  if (html.startsWith("<!--")) return true;
  const name = /^<\/?([a-z][a-z0-9]*)/i.exec(html)?.[1];
  return name !== undefined && htmlElements.has(name.toLowerCase());
}

function renderText(token: Tokens.Text, rendering: Rendering): string {
  return token.tokens ? renderInline(token.tokens, rendering) : decodeEntities(token.text);
}

/**
 * WhatsApp applies a marker only when it touches the text (`*bold*`, not `* bold *`), and cannot
 * nest the same marker, so whitespace moves outside and an inner repeat is dropped.
 */
function emphasize(kind: Emphasis, tokens: readonly Token[], rendering: Rendering): string {
  if (rendering.markup === "plain" || rendering[kind]) return renderInline(tokens, rendering);
  const inner = renderInline(tokens, { ...rendering, [kind]: true });
  const core = inner.trim();
  if (core === "") return inner;
  const marker = markers[kind];
  const leading = inner.slice(0, inner.indexOf(core));
  const trailing = inner.slice(leading.length + core.length);
  return `${leading}${marker}${core}${marker}${trailing}`;
}

/** "text (url)", or the address alone when the text is the address (autolinks, `[x.com](x.com)`). */
function renderLink(token: Tokens.Link, rendering: Rendering): string {
  if (token.autolink) return token.text;
  const address = displayedAddress(token.href);
  const text = renderInline(token.tokens, rendering).trim();
  if (text === "" || sameAddress(token.text, token.href)) return address;
  return `${text} (${address})`;
}

/** A customer's phone opens an address and a number without the scheme Markdown needs. */
function displayedAddress(href: string): string {
  return href.replace(/^(mailto|tel):/i, "");
}

/** Whether a link's text only repeats its address, give or take the scheme and a final slash. */
function sameAddress(text: string, href: string): boolean {
  const normalize = (address: string) =>
    address
      .trim()
      .replace(/^(https?:\/\/|mailto:|tel:)/i, "")
      .replace(/\/$/, "")
      .toLowerCase();
  return normalize(text) === normalize(href);
}

const namedEntities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  // A no-break space is not in GSM-7: a plain space keeps an SMS cheap.
  nbsp: " ",
};

/** marked leaves character references to the HTML renderer; a text message has none. */
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (reference, name: string) => {
    if (!name.startsWith("#")) return namedEntities[name.toLowerCase()] ?? reference;
    const codePoint =
      name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    const isScalar = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return isScalar ? String.fromCodePoint(codePoint) : reference;
  });
}
