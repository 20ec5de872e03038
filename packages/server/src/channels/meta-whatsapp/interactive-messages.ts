import type { ChoiceOption, OutboundMessage } from "@parley/engine";
import { plainTextOf, splitText, whatsappMarkup } from "../messaging/message-text.ts";
import type {
  ConnectionForAdapter,
  OutgoingPart,
  RenderedMessage,
  SendTarget,
} from "../messaging/messaging-adapter.ts";

/**
 * The Cloud API's limits, in characters (counted here in UTF-16 units, which is never fewer than
 * what Meta counts). A request over any of them is refused with error 131009, so nothing here
 * ever builds one: a message that does not fit one form falls back to the next.
 */
export const whatsappLimits = {
  textBody: 4096,
  interactiveBody: 1024,
  replyButtons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listRows: 10,
  rowTitle: 24,
  rowId: 200,
  rowDescription: 72,
  listButton: 20,
  caption: 1024,
  templateParameter: 1024,
} as const;

/** What the list's button says when the assistant gave it no label. */
export const defaultListButton = "Options";

/** Attachments WhatsApp shows inline in assistants' messages; any other file goes as a document. */
const imageTypes = new Set(["image/jpeg", "image/png"]);
const videoTypes = new Set(["video/mp4"]);

type Body = Record<string, unknown>;

function envelope(to: string, type: string, content: Body): Body {
  return { messaging_product: "whatsapp", recipient_type: "individual", to, type, [type]: content };
}

/** The text cut to `limit` with "…", never between the two halves of a surrogate pair. */
export function truncated(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Ids must differ exactly; titles also in case, since a customer could not tell "Yes" from "YES". */
function distinctIds(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

function distinctTitles(values: readonly string[]): boolean {
  return distinctIds(values.map((value) => value.toLowerCase()));
}

function textParts(text: string, to: string, options: { previewUrl?: boolean; summary?: string } = {}) {
  const summary = options.summary ?? "text";
  return splitText(text.trim(), whatsappLimits.textBody).map(
    (piece, index, pieces): OutgoingPart => ({
      body: envelope(to, "text", { body: piece, preview_url: options.previewUrl ?? false }),
      summary: pieces.length === 1 ? summary : `${summary}, part ${index + 1} of ${pieces.length}`,
    }),
  );
}

/**
 * Reply buttons, when every option fits one: at most three, titles of 1 to 20 characters that
 * differ (the customer could not tell two alike apart) and ids Meta takes. Buttons cannot show a
 * description, so options that have one go to a list instead.
 */
function replyButtonsOf(options: readonly ChoiceOption[]): Body[] | null {
  if (options.length === 0 || options.length > whatsappLimits.replyButtons) return null;
  const titles = options.map((option) => option.label.trim());
  const fits = options.every(
    (option, index) =>
      !option.description &&
      option.id.length > 0 &&
      option.id.length <= whatsappLimits.buttonId &&
      (titles[index] ?? "").length > 0 &&
      (titles[index] ?? "").length <= whatsappLimits.buttonTitle,
  );
  if (!fits || !distinctTitles(titles) || !distinctIds(options.map((option) => option.id))) return null;
  return options.map((option, index) => ({ type: "reply", reply: { id: option.id, title: titles[index] } }));
}

/**
 * List rows, when the options fit ten rows. A title over 24 characters is cut with "…" and shown
 * whole in the row's description when the option has none; if the cut titles are no longer
 * distinct the list would mislead, so the caller falls back to numbered text.
 */
function listRowsOf(options: readonly ChoiceOption[]): Body[] | null {
  if (options.length === 0 || options.length > whatsappLimits.listRows) return null;
  const ids = options.map((option) => option.id);
  if (ids.some((id) => id.length === 0 || id.length > whatsappLimits.rowId) || !distinctIds(ids)) return null;
  const rows = options.map((option) => {
    const label = option.label.trim();
    const title = truncated(label, whatsappLimits.rowTitle);
    const description = option.description?.trim() || (title === label ? "" : label);
    const row: Body = { id: option.id, title };
    if (description) row.description = truncated(description, whatsappLimits.rowDescription);
    return row;
  });
  const titles = rows.map((row) => String(row.title));
  if (titles.some((title) => title.length === 0) || !distinctTitles(titles)) return null;
  return rows;
}

/**
 * An interactive message's body takes 1024 characters. A longer text goes first as text messages
 * and its last piece becomes the body, so the buttons still sit under the words that ask.
 */
function bodyAndLeadingText(body: string): { leading: string; last: string } {
  if (body.length <= whatsappLimits.interactiveBody) return { leading: "", last: body };
  const pieces = splitText(body, whatsappLimits.interactiveBody);
  const last = pieces.at(-1) ?? "";
  const at = body.lastIndexOf(last);
  const leading = at > 0 ? body.slice(0, at).trimEnd() : pieces.slice(0, -1).join("\n");
  return { leading, last };
}

interface Choice {
  /** The text above the options, already in WhatsApp markup. */
  body: string;
  options: readonly ChoiceOption[];
  /** `list` messages and cards are lists even when three options would fit buttons. */
  preferList: boolean;
  listButton?: string;
  /** Whether text sent ahead of the options shows a link preview (articles). */
  previewUrl?: boolean;
}

/** Reply buttons, else a list, else the numbered menu the engine also matches by number. */
function choiceParts(choice: Choice, message: OutboundMessage, to: string): OutgoingPart[] {
  const body = choice.body.trim();
  // Meta refuses an interactive message without body text, and the adapter has no words of its
  // own in the customer's language to put there.
  if (body !== "") {
    const buttons = choice.preferList ? null : replyButtonsOf(choice.options);
    const rows = buttons ? null : listRowsOf(choice.options);
    if (buttons || rows) {
      const { leading, last } = bodyAndLeadingText(body);
      const action = buttons
        ? { buttons }
        : {
            button: truncated(choice.listButton?.trim() || defaultListButton, whatsappLimits.listButton),
            sections: [{ rows }],
          };
      const interactive: OutgoingPart = {
        body: envelope(to, "interactive", {
          type: buttons ? "button" : "list",
          body: { text: last },
          action,
        }),
        summary: buttons ? `reply buttons (${buttons.length})` : `interactive list (${rows?.length} rows)`,
      };
      const before = leading ? textParts(leading, to, { previewUrl: choice.previewUrl ?? false }) : [];
      return [...before, interactive];
    }
  }
  return textParts(plainTextOf(message, "whatsapp"), to, { summary: "text with a numbered menu" });
}

function articlesParts(message: Extract<OutboundMessage, { kind: "articles" }>, to: string): OutgoingPart[] {
  const links = message.articles.map(
    (article) => `*${article.title.replaceAll("*", "").trim()}*\n${article.url}`,
  );
  const text = [whatsappMarkup(message.text).trim(), ...links].filter((part) => part !== "").join("\n\n");
  if (message.options.length === 0) return textParts(text, to, { previewUrl: true, summary: "articles" });
  // The articles are the body of the options' message: one message that asks whether they helped,
  // rather than the question repeated under a separate list of links.
  return choiceParts(
    { body: text, options: message.options, preferList: false, previewUrl: true },
    message,
    to,
  );
}

function fileNameOf(url: string): string {
  try {
    const last = new URL(url).pathname.split("/").filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : "file";
  } catch {
    return "file";
  }
}

function attachmentParts(message: Extract<OutboundMessage, { kind: "attachment" }>, to: string) {
  const { url, mediaType, name } = message.attachment;
  const base = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  const type = imageTypes.has(base) ? "image" : videoTypes.has(base) ? "video" : "document";
  const media: Body = { link: url };
  if (type === "document") media.filename = name ?? fileNameOf(url);
  const caption = message.caption ? whatsappMarkup(message.caption).trim() : "";
  // A caption over the limit follows the file as text rather than being cut.
  if (caption && caption.length <= whatsappLimits.caption) media.caption = caption;
  const parts: OutgoingPart[] = [{ body: envelope(to, type, media), summary: type }];
  if (caption.length > whatsappLimits.caption) parts.push(...textParts(caption, to));
  return parts;
}

function partsWithinWindow(message: OutboundMessage, to: string): OutgoingPart[] {
  switch (message.kind) {
    case "buttons":
    case "feedback":
      return choiceParts(
        { body: whatsappMarkup(message.text), options: message.options, preferList: false },
        message,
        to,
      );
    case "list":
      return choiceParts(
        {
          body: whatsappMarkup(message.text),
          options: message.options,
          preferList: true,
          listButton: message.buttonLabel,
        },
        message,
        to,
      );
    case "cards":
      return choiceParts(
        { body: whatsappMarkup(message.text), options: message.cards, preferList: true },
        message,
        to,
      );
    case "articles":
      return articlesParts(message, to);
    case "attachment":
      return attachmentParts(message, to);
    case "text":
    case "answer":
    // Voice prompts never reach WhatsApp from the engine; read as text should one be sent anyway.
    case "voice.say":
    case "voice.gather":
    case "voice.record":
      return textParts(plainTextOf(message, "whatsapp"), to);
    default: {
      const unhandled: never = message;
      throw new Error(`no WhatsApp rendering for ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * A template parameter may not hold a newline, a tab or more than four spaces in a row (Meta
 * refuses the message), so the text is laid on one line.
 */
function asTemplateParameter(text: string): string {
  const oneLine = text
    .replace(/\s*[\r\n\t]+\s*/g, " ")
    .replace(/ {4,}/g, "   ")
    .trim();
  return truncated(oneLine, whatsappLimits.templateParameter);
}

/**
 * Outside the 24-hour window WhatsApp delivers only approved templates. The connection's template
 * must have exactly one body variable ({{1}}) and nothing else to fill: the whole message goes in
 * it as one line of text, so any menu is typed by number, as on SMS.
 */
function templateParts(
  message: OutboundMessage,
  to: string,
  template: { name: string; language: string },
): OutgoingPart[] {
  const text = asTemplateParameter(plainTextOf(message, "whatsapp"));
  if (text === "") return [];
  const content = {
    name: template.name,
    language: { code: template.language },
    components: [{ type: "body", parameters: [{ type: "text", text }] }],
  };
  return [
    {
      body: envelope(to, "template", content),
      summary: `template ${template.name} (${template.language})`,
    },
  ];
}

export function renderMessage(
  message: OutboundMessage,
  target: SendTarget,
  connection: ConnectionForAdapter,
): RenderedMessage {
  // Meta wants the WhatsApp id: the number's digits without "+".
  const to = target.to.replace(/[^0-9]/g, "");
  if (to === "") return { failure: `the customer's address "${target.to}" has no phone number digits` };
  if (!target.withinServiceWindow) {
    if (!connection.whatsappTemplate) {
      return {
        failure:
          "outside WhatsApp's 24-hour customer-service window, and no approved template is configured for this number",
      };
    }
    return { parts: templateParts(message, to, connection.whatsappTemplate) };
  }
  return { parts: partsWithinWindow(message, to) };
}
