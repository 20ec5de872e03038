import type { TerminalStyle } from "../terminal-style.ts";
import type { SentChoice, SentMessage } from "./provider-stand-in.ts";

const speaker = "assistant";

/** Text from the server is shown back; control characters are made visible so it cannot restyle the terminal. */
function visible(text: string): string {
  return text.replace(
    /(?!\n)\p{Cc}/gu,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function numbered(choices: readonly SentChoice[]): string[] {
  return choices.map(
    (choice, position) =>
      `  ${position + 1}) ${visible(choice.title)}${choice.description ? ` — ${visible(choice.description)}` : ""}`,
  );
}

/**
 * A message the assistant sent, as the customer would read it: its text, then Meta's buttons or
 * list rows numbered so they can be answered by number, then any file or template as a note.
 */
export function sentMessageLines(message: SentMessage, style: TerminalStyle): string[] {
  const lines: string[] = [];
  if (message.text !== "" || message.attachment === undefined) {
    lines.push(`${style.bold(`${speaker}:`)} ${visible(message.text).replaceAll("\n", "\n  ")}`);
  }
  if (message.attachment !== undefined) {
    const prefix = message.text === "" ? `${style.bold(`${speaker}:`)} ` : "  ";
    lines.push(`${prefix}${style.dim(`[${visible(message.attachment)}]`)}`);
  }
  if (message.choices.length > 0) {
    const kind = message.listButton ? `list, opened with "${visible(message.listButton)}"` : "buttons";
    lines.push(style.dim(`  (${kind}: answer with a number)`), ...numbered(message.choices));
  }
  return lines;
}
