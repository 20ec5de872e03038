import type { ChoiceOption, MessageBody } from "./protocol.ts";

export interface ProactivePreview {
  text: string;
  options: ChoiceOption[];
}

function bodyText(body: MessageBody): string {
  if (body.kind === "answer") return body.answer.text;
  if ("text" in body) return body.text;
  return ("caption" in body && body.caption) || "";
}

function bodyOptions(body: MessageBody): ChoiceOption[] {
  if ("options" in body && body.options.length > 0) return body.options;
  return "cards" in body ? body.cards : [];
}

/**
 * What the pop-up bubble shows of a proactive conversation's first messages:
 * the first thing the assistant says, and the options it offers (often in a
 * second message right after the greeting). Null when there is nothing to show.
 */
export function proactivePreview(bodies: readonly MessageBody[]): ProactivePreview | null {
  let text = "";
  let options: ChoiceOption[] = [];
  for (const body of bodies) {
    if (!text) text = bodyText(body).trim();
    if (options.length === 0) options = bodyOptions(body);
    if (text && options.length > 0) break;
  }
  return text || options.length > 0 ? { text, options } : null;
}
