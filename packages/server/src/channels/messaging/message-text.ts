import type { ChoiceOption, OutboundMessage } from "@parley/engine";
import { authoredWhatsappText, plainMarkup, whatsappMarkup } from "./whatsapp-markup.ts";

export { type SmsSegments, smsSegmentsOf } from "./sms-segments.ts";
export { splitText } from "./text-splitting.ts";
export { plainMarkup, whatsappMarkup } from "./whatsapp-markup.ts";

/**
 * How Parley's messages read on channels that carry only text. SMS shows plain text; WhatsApp
 * understands its own markup (`*bold*`, `_italic_`, `~strike~`, three backticks for monospace).
 */
export type TextStyle = "sms" | "whatsapp";

/**
 * The whole message as text: choices as a numbered menu ("1. Track my order"), articles and AI
 * answers with their links, cards and feedback options as numbered lines, a file as its link.
 *
 * Every number shown is one the engine takes as that option (`matchChoice` picks options by
 * position), so a customer who answers "2" gets what line 2 said. Articles and an answer's sources
 * are links, not choices: they get bullets, never numbers a customer could mistake for an option.
 */
export function plainTextOf(message: OutboundMessage, style: TextStyle): string {
  switch (message.kind) {
    case "text":
      return authored(message.text, style);
    case "attachment":
      return lines([authored(message.caption ?? "", style), fileLine(message.attachment)]);
    case "buttons":
    case "feedback":
      return lines([authored(message.text, style), numberedMenu(message.options)]);
    case "list":
      return lines([authored(message.text, style), numberedMenu(message.options, describedOption)]);
    case "cards":
      return lines([authored(message.text, style), numberedMenu(message.cards, describedOption)]);
    case "articles":
      return paragraphs([
        lines([
          authored(message.text, style),
          bulleted(
            message.articles.map((article) => linkLine(article.title, article.url)),
            style,
          ),
        ]),
        numberedMenu(message.options),
      ]);
    case "answer":
      return paragraphs([
        // Language models write Markdown, where `*text*` is italic.
        style === "whatsapp" ? whatsappMarkup(message.answer.text) : plainMarkup(message.answer.text),
        bulleted(sourceLines(message.answer.citations), style),
      ]);
    case "voice.say":
      return message.text.trim() || (message.audioUrl ?? "");
    case "voice.gather":
    case "voice.record":
      return message.prompt.trim();
    default:
      return unknownKind(message);
  }
}

/** A menu goes on the line after its text, as the engine writes it for text-only channels (`offerChoices`). */
function lines(parts: readonly string[]): string {
  return parts.filter((part) => part !== "").join("\n");
}

function numberedMenu<Option extends ChoiceOption>(
  options: readonly Option[],
  line: (option: Option) => string = (option) => option.label,
): string {
  return options.map((option, position) => `${position + 1}. ${line(option)}`).join("\n");
}

/** A row's or a card's description after its label; the customer can still answer with the label alone. */
function describedOption(option: ChoiceOption): string {
  const description = option.description?.trim() ?? "";
  return description === "" ? option.label : `${option.label} - ${description}`;
}

/** "•" is not in GSM-7: on SMS it would make the whole message UCS-2, so a hyphen there. */
function bulleted(lines: readonly string[], style: TextStyle): string {
  const bullet = style === "whatsapp" ? "•" : "-";
  return lines.map((line) => `${bullet} ${line}`).join("\n");
}

function linkLine(title: string, url: string): string {
  const name = title.trim();
  return name === "" || name === url ? url : `${name} (${url})`;
}

/** Each cited page once, even when the answer quotes several of its passages. */
function sourceLines(citations: ReadonlyArray<{ title: string; url: string }>): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const citation of citations) {
    if (seen.has(citation.url)) continue;
    seen.add(citation.url);
    lines.push(linkLine(citation.title, citation.url));
  }
  return lines;
}

function fileLine(attachment: { url: string; name?: string }): string {
  return linkLine(attachment.name ?? "", attachment.url);
}

/**
 * Text an author wrote. WhatsApp authors write WhatsApp's markup (spec 13), which passes through;
 * SMS shows no formatting, so markers come off.
 */
function authored(text: string, style: TextStyle): string {
  return style === "whatsapp" ? authoredWhatsappText(text) : plainMarkup(text);
}

function paragraphs(parts: readonly string[]): string {
  return parts.filter((part) => part !== "").join("\n\n");
}

/** A kind added to the engine must get its text here: this stops compiling until it does. */
function unknownKind(message: never): never {
  throw new Error(`no text form for message kind ${(message as { kind: string }).kind}`);
}
