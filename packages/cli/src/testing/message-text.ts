import type { OutboundMessage } from "@parley/engine";

/** What a message says, as `expect: { messages }` matches it: the text, not the options. */
export function messageText(message: OutboundMessage): string {
  switch (message.kind) {
    case "answer":
      return message.answer.text;
    case "attachment":
      return message.caption ?? message.attachment.url;
    case "voice.gather":
    case "voice.record":
      return message.prompt;
    case "text":
    case "buttons":
    case "list":
    case "cards":
    case "articles":
    case "feedback":
    case "voice.say":
      return message.text;
    default:
      // A new message kind stops this compiling until tests can match what it says.
      message satisfies never;
      return "";
  }
}
