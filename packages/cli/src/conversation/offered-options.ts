import type { ChoiceOption, OutboundMessage } from "@parley/engine";

/**
 * Options the assistant offered. `buttons` are answered with `customer.choice`
 * and the option id; `menu` is a numbered menu written in plain text (SMS and
 * other text-only channels, spec 13), answered by sending the number as text.
 */
export interface OfferedOptions {
  kind: "buttons" | "menu";
  options: ChoiceOption[];
}

/** `1. Sales`, `1) Sales` or `1️⃣ Sales`. */
const menuLine = /^\s*(?:([0-9]{1,2})\s*[.)]|([0-9])\uFE0F?\u20E3)\s*(\S.*)$/;

/** A numbered menu is two or more lines numbered 1, 2, 3… in a row, wherever it sits in the text. */
export function numberedMenu(text: string): ChoiceOption[] | null {
  const options: ChoiceOption[] = [];
  for (const line of text.split("\n")) {
    const match = menuLine.exec(line);
    const number = match ? Number(match[1] ?? match[2]) : Number.NaN;
    if (match && number === options.length + 1) {
      options.push({ id: String(number), label: (match[3] ?? "").trim() });
    } else if (options.length >= 2) {
      break;
    } else {
      options.length = 0;
    }
  }
  return options.length >= 2 ? options : null;
}

/** The options a message offers, or null when it offers none. */
export function optionsOf(message: OutboundMessage): OfferedOptions | null {
  switch (message.kind) {
    case "buttons":
    case "list":
    case "feedback":
    case "articles":
      return { kind: "buttons", options: message.options };
    case "cards":
      return { kind: "buttons", options: message.cards.map(({ id, label }) => ({ id, label })) };
    case "text": {
      const menu = numberedMenu(message.text);
      return menu ? { kind: "menu", options: menu } : null;
    }
    case "attachment":
    case "answer":
    case "voice.say":
    case "voice.gather":
    case "voice.record":
      return null;
    default:
      // A new message kind stops this compiling until it says whether it offers options.
      message satisfies never;
      return null;
  }
}
