import { element, fileIcon, icon, screenReaderText } from "./dom.ts";
import type { WidgetStrings } from "./localization.ts";
import { cardButtons, optionButtons, optionList } from "./option-controls.ts";
import type {
  ArticleReference,
  AttachmentReference,
  ChoiceOption,
  MessageBody,
  TranscriptMessage,
} from "./protocol.ts";
import { safeLinkUrl, safeWebUrl } from "./safe-url.ts";

export interface MessageViewContext {
  strings: WidgetStrings;
  /** The assistant's public name, shown with the "Bot" label. */
  assistantName: string;
  /** Relative links in messages resolve against the page. */
  pageUrl: string;
  choose(option: ChoiceOption, messageElement: HTMLElement): void;
}

function bubble(text: string | undefined, ...extra: Node[]): HTMLElement | null {
  if (!text && extra.length === 0) return null;
  return element("div", { class: "bubble" }, text ? element("p", { class: "text" }, text) : null, ...extra);
}

/** A link that leaves the chat: new tab, no access back to this page, and said so to screen readers. */
function externalLink(url: string, context: MessageViewContext, ...content: Node[]): HTMLElement {
  const href = safeLinkUrl(url, context.pageUrl);
  if (!href) return element("span", null, ...content);
  return element(
    "a",
    { href, target: "_blank", rel: "noopener noreferrer" },
    ...content,
    screenReaderText(` ${context.strings.opensInNewTab}`),
  );
}

/** An image as a thumbnail linking to it, any other file as its name; a file is only ever fetched over http(s). */
function attachmentView(attachment: AttachmentReference, context: MessageViewContext): HTMLElement {
  const name = attachment.name || context.strings.attachment;
  const url = safeWebUrl(attachment.url, context.pageUrl);
  if (url && attachment.mediaType.startsWith("image/")) {
    return externalLink(
      url,
      context,
      element("img", { class: "attachment-image", src: url, alt: name, loading: "lazy" }),
    );
  }
  const label = document.createTextNode(name);
  return element(
    "div",
    { class: "attachment" },
    icon(fileIcon),
    url ? externalLink(url, context, label) : label,
  );
}

function articleList(articles: readonly ArticleReference[], context: MessageViewContext): HTMLElement {
  return element(
    "ul",
    { class: "articles" },
    ...articles.map((article) =>
      element(
        "li",
        null,
        externalLink(
          article.url,
          context,
          element("span", { class: "article-title" }, article.title),
          ...(article.snippet ? [element("span", { class: "article-snippet" }, article.snippet)] : []),
        ),
      ),
    ),
  );
}

type Answer = Extract<MessageBody, { kind: "answer" }>["answer"];

function answerView(answer: Answer, context: MessageViewContext): HTMLElement | null {
  const { citations } = answer;
  const sources =
    citations.length > 0
      ? element(
          "div",
          { class: "citations" },
          element("p", { class: "citations-title" }, context.strings.sources),
          element(
            "ol",
            null,
            ...citations.map((citation) =>
              element(
                "li",
                null,
                externalLink(citation.url, context, document.createTextNode(citation.title)),
              ),
            ),
          ),
        )
      : null;
  return bubble(answer.text, ...(sources ? [sources] : []));
}

function eventText(body: Extract<MessageBody, { kind: "event" }>, strings: WidgetStrings): string {
  const { event, text } = body;
  // An event newer than this widget shows the server's words.
  return event === "transferred" ? strings.transferred : text;
}

/** A kind newer than this widget: its text, if it has any, beats showing nothing. */
function newerKindText(body: never): string | undefined {
  const { text } = body as { text?: unknown };
  return typeof text === "string" ? text : undefined;
}

/** The parts of a message body, in reading order. */
function bodyParts(
  message: TranscriptMessage,
  context: MessageViewContext,
  choose: (option: ChoiceOption) => void,
): Array<Node | null> {
  const body = message.body;
  switch (body.kind) {
    case "text":
      return [bubble(body.text)];
    case "choice":
      return [bubble(body.label ?? body.optionId)];
    case "event":
      return [element("p", { class: "event" }, eventText(body, context.strings))];
    case "buttons":
      return [bubble(body.text), optionButtons(body.options, choose)];
    case "list":
      return [
        bubble(body.text),
        optionList(body.buttonLabel || "…", body.options, choose, `parley-list-${message.sequence}`),
      ];
    case "cards":
      return [bubble(body.text), cardButtons(body.cards, choose, context.pageUrl)];
    case "articles":
      return [bubble(body.text), articleList(body.articles, context), optionButtons(body.options, choose)];
    case "answer":
      return [answerView(body.answer, context)];
    case "feedback":
      return [bubble(body.text), optionButtons(body.options, choose, `feedback feedback-${body.design}`)];
    case "attachment": {
      // The customer attaches a list of files, the assistant sends one with an optional caption.
      if ("attachments" in body) {
        return [
          bubble(undefined, ...body.attachments.map((attachment) => attachmentView(attachment, context))),
        ];
      }
      return [
        bubble(undefined, attachmentView(body.attachment, context)),
        body.caption ? bubble(body.caption) : null,
      ];
    }
    // Voice calls' messages, should one reach a chat: their words.
    case "voice.say":
      return [bubble(body.text)];
    case "voice.gather":
    case "voice.record":
      return [bubble(body.prompt)];
    default:
      // `body` is `never` here: a kind added to the contract stops this compiling until it is drawn.
      return [bubble(newerKindText(body))];
  }
}

function authorLine(message: TranscriptMessage, context: MessageViewContext): HTMLElement | null {
  const { strings } = context;
  switch (message.author) {
    case "assistant":
      return element(
        "p",
        { class: "author" },
        context.assistantName ? element("span", { class: "author-name" }, context.assistantName) : null,
        element("span", { class: "badge" }, strings.bot),
      );
    case "agent":
      return element(
        "p",
        { class: "author" },
        message.authorName ? element("span", { class: "author-name" }, message.authorName) : null,
        element("span", { class: "badge" }, strings.agent),
      );
    case "customer":
      return element("p", { class: "author sr-only" }, strings.you);
    default:
      return null;
  }
}

/** One transcript message as it appears in the log. */
export function renderMessage(message: TranscriptMessage, context: MessageViewContext): HTMLElement {
  const view = element("div", {
    class: `message from-${message.author}`,
    "data-sequence": String(message.sequence),
  });
  const choose = (option: ChoiceOption) => context.choose(option, view);
  view.append(
    ...[authorLine(message, context), ...bodyParts(message, context, choose)].filter(
      (part): part is Node => part !== null,
    ),
  );
  return view;
}

/** The customer's message while it is on its way, before the server numbers it. */
export function renderPendingMessage(text: string, strings: WidgetStrings): HTMLElement {
  return element(
    "div",
    { class: "message from-customer pending" },
    element("p", { class: "author sr-only" }, strings.you),
    bubble(text),
  );
}
