import type { ChoiceOption, ConversationEvent, Effect, OutboundMessage } from "@parley/engine";
import type { HarnessEntry } from "../conversation/harness.ts";
import { plural } from "../io.ts";
import type { TerminalStyle } from "../terminal-style.ts";

export interface RenderOptions {
  /** Who speaks: the assistant's public name, or "assistant". */
  speaker: string;
  style: TerminalStyle;
  formatTime(milliseconds: number): string;
}

/** Long values (a pasted essay saved as an attribute) are cut so a note stays one readable line. */
const maxValueLength = 120;

/**
 * Customer text is shown back in notes and echoes. Control characters are made
 * visible (`\u001b`) so a pasted escape sequence cannot restyle the terminal.
 */
export function shortValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const short =
    text.length > maxValueLength ? `${text.slice(0, maxValueLength)}… (${text.length} characters)` : text;
  // \p{Cc} is every control character: line breaks too, so a note stays on one line.
  return short.replace(
    /\p{Cc}/gu,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function indent(text: string): string {
  return text.replaceAll("\n", "\n  ");
}

function numbered(options: readonly ChoiceOption[]): string[] {
  return options.map(
    (option, position) =>
      `  ${position + 1}) ${option.label}${option.description ? ` — ${option.description}` : ""}`,
  );
}

function say(options: RenderOptions, text: string, how = ""): string {
  return `${options.style.bold(`${options.speaker}${how}:`)} ${indent(text)}`;
}

const gatherModes = { digits: "digits", speech: "speech", digits_or_speech: "digits or speech" } as const;

/** A message as a person reads it: text first, choices numbered so they can be answered by number. */
export function renderMessage(message: OutboundMessage, options: RenderOptions): string[] {
  switch (message.kind) {
    case "text":
      return [say(options, message.text)];
    case "buttons":
    case "feedback":
      return [say(options, message.text), ...numbered(message.options)];
    case "list":
      return [
        say(options, message.text),
        options.style.dim(`  (list, opened with "${message.buttonLabel}")`),
        ...numbered(message.options),
      ];
    case "cards":
      return [
        say(options, message.text),
        ...message.cards.map(
          (card, position) =>
            `  ${position + 1}) ${card.label}${card.description ? ` — ${card.description}` : ""}${card.imageUrl ? options.style.dim(` (image ${card.imageUrl})`) : ""}`,
        ),
      ];
    case "articles":
      return [
        say(options, message.text),
        ...message.articles.map((article) => `  • ${article.title} <${article.url}>`),
        ...numbered(message.options),
      ];
    case "answer": {
      const citations = message.answer.citations.map(
        (citation, position) => `  [${position + 1}] ${citation.title} <${citation.url}>`,
      );
      return [
        say(options, message.answer.text),
        ...(citations.length > 0 ? ["  Sources:", ...citations] : []),
      ];
    }
    case "attachment": {
      const { attachment } = message;
      const name = attachment.name ? `${attachment.name}, ` : "";
      const caption = message.caption ? ` ${message.caption}` : "";
      return [say(options, `[attachment: ${name}${attachment.mediaType}] <${attachment.url}>${caption}`)];
    }
    case "voice.say":
      return message.audioUrl
        ? [say(options, `${message.text} <${message.audioUrl}>`, " (plays audio)")]
        : [say(options, message.text, " (spoken)")];
    case "voice.gather": {
      const digits = message.maxDigits ? `, up to ${plural(message.maxDigits, "digit")}` : "";
      return [
        say(options, message.prompt, ` (spoken, then listens for ${gatherModes[message.mode]}${digits})`),
      ];
    }
    case "voice.record":
      return [say(options, message.prompt, ` (spoken, then records up to ${message.maxSeconds} s)`)];
  }
}

function collectedSummary(collected: Record<string, unknown>): string {
  const entries = Object.entries(collected);
  if (entries.length === 0) return "nothing collected";
  return `collected ${entries.map(([key, value]) => `${key} = ${shortValue(value)}`).join(", ")}`;
}

function routingSummary(routing: { priority?: number; queue?: string; skills?: string[] }): string {
  const parts = [
    routing.queue ? `queue ${routing.queue}` : "",
    routing.priority !== undefined ? `priority ${routing.priority}` : "",
    routing.skills?.length ? `skills ${routing.skills.join(", ")}` : "",
  ].filter((part) => part !== "");
  return parts.length > 0 ? `, ${parts.join(", ")}` : "";
}

/** A note about what happened besides messages; null for effects not worth a line. */
function effectNote(
  effect: Exclude<Effect, { type: "message.send" }>,
  options: RenderOptions,
): string | null {
  switch (effect.type) {
    case "attribute.set":
      return `saved ${effect.klass}.${effect.attribute} = ${shortValue(effect.value)}`;
    case "status.set":
      return `status: ${effect.status} — ${effect.reason}`;
    case "conversation.transfer":
      return `transferred to agents: ${effect.teamId ? `team ${effect.teamId}` : "any team"}${routingSummary(effect.routing)}, ${collectedSummary(effect.collected)}`;
    case "conversation.end":
      return `conversation ended (${effect.reason})`;
    case "timer.schedule":
      return `timer ${effect.name} at ${options.formatTime(effect.at)}`;
    case "timer.cancel":
      return `timer ${effect.name} cancelled`;
    case "workflow.call":
      return `workflow ${effect.workflowId} called with ${JSON.stringify(effect.inputs)}`;
    case "articles.search":
      return `searching articles for "${shortValue(effect.query)}"`;
    case "answer.request":
      return `asking the AI "${shortValue(effect.question)}"`;
    case "objects.lookup":
      return `looking up ${effect.klass} objects`;
    case "voicemail.record":
      return `recording a voicemail of up to ${effect.maxSeconds} s`;
    case "feedback.record":
      return `feedback: ${effect.outcome}`;
    case "follow_up.record":
      return `follow up by ${effect.channel}${effect.contact ? ` at ${effect.contact}` : ""}`;
    case "intent.detected":
      return `intent ${effect.intent} detected (${effect.reason})${effect.dialogId ? ` → dialog ${effect.dialogId}` : ", not mapped to a dialog"}`;
  }
}

function resultNote(event: ConversationEvent): string {
  switch (event.type) {
    case "workflow.completed":
      return `workflow returned ${shortValue(event.output)}`;
    case "effect.failed":
      return `failed: ${event.error}`;
    case "articles.found":
      return event.articles.length === 1 ? "1 article found" : `${event.articles.length} articles found`;
    case "answer.generated":
      return event.answer.found ? "answer found" : "no answer found";
    case "objects.found":
      return `${event.objects.length} found, customer ${event.authenticated ? "signed in" : "not signed in"}`;
    default:
      return event.type;
  }
}

export function renderEntry(entry: HarnessEntry, options: RenderOptions): string[] {
  const note = (text: string) => [options.style.dim(`[${text}]`)];
  switch (entry.kind) {
    case "timer":
      return note(`${options.formatTime(entry.timer.at)} ${entry.timer.name} timer fired`);
    case "result":
      return note(resultNote(entry.event));
    case "effect": {
      if (entry.effect.type === "message.send") return renderMessage(entry.effect.message, options);
      const text = effectNote(entry.effect, options);
      return text === null ? [] : note(text);
    }
  }
}
