import type { ConversationEvent } from "./events.ts";
import type { ChoiceOption } from "./messages.ts";

/** Lowercase, no accents, no punctuation or emoji; keycap digits such as 1️⃣ become plain digits. */
export function normalizeText(text: string): string {
  return text
    .replace(/([0-9#*])\uFE0F?\u20E3/g, "$1")
    .normalize("NFKD")
    .replace(/\p{Mark}/gu, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim();
}

/**
 * Finds the option a customer meant: a button press by id, or typed text that is
 * the option's number (on numbered menus), its label, or the one label it
 * clearly names. Returns null when the reply is not a choice.
 */
export function matchChoice(event: ConversationEvent, options: readonly ChoiceOption[]): ChoiceOption | null {
  if (event.type === "customer.choice") return options.find((option) => option.id === event.optionId) ?? null;
  if (event.type !== "customer.text") return null;
  const reply = normalizeText(event.text.slice(0, 500));
  if (reply === "") return null;
  // A number picks by position (numbered menus); one that is no position may still be a label such as "50".
  if (/^[0-9]{1,2}$/.test(reply)) {
    const byPosition = options[Number(reply) - 1];
    if (byPosition) return byPosition;
  }
  const labels = options.map((option) => normalizeText(option.label));
  const exact = labels.indexOf(reply);
  if (exact !== -1) return options[exact] ?? null;
  const words = ` ${reply} `;
  const named = options.filter((_option, position) => {
    const label = labels[position] ?? "";
    return (
      label.length >= 2 && (words.includes(` ${label} `) || (reply.length >= 3 && label.startsWith(reply)))
    );
  });
  return named.length === 1 ? (named[0] ?? null) : null;
}
