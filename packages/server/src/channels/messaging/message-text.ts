import type { OutboundMessage } from "@parley/engine";

/**
 * How Parley's messages read on channels that carry only text. SMS shows plain text; WhatsApp
 * understands its own markup (`*bold*`, `_italic_`, `~strike~`, three backticks for monospace).
 */
export type TextStyle = "sms" | "whatsapp";

/**
 * The whole message as text: choices as a numbered menu ("1. Track my order"), articles and AI
 * answers with their links, cards and feedback options as numbered lines, a file as its link.
 */
export function plainTextOf(message: OutboundMessage, style: TextStyle): string {
  switch (message.kind) {
    case "text":
      return message.text;
    default:
      return JSON.stringify(message) + style;
  }
}

/**
 * Splits text into pieces of at most `limit` characters (UTF-16 units as providers count them),
 * at paragraph, line, sentence or word boundaries where it can, never inside a surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += limit) pieces.push(text.slice(start, start + limit));
  return pieces;
}

export interface SmsSegments {
  encoding: "GSM-7" | "UCS-2";
  segments: number;
}

/** What an SMS costs: GSM-7 160 characters alone or 153 per part, UCS-2 70 or 67. */
export function smsSegmentsOf(text: string): SmsSegments {
  return { encoding: "GSM-7", segments: Math.max(1, Math.ceil(text.length / 153)) };
}

/** Markdown (as AI answers and snippets are written) in WhatsApp's markup. */
export function whatsappMarkup(markdown: string): string {
  return markdown;
}
