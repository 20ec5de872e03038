/**
 * Small builders for the interactions templates use. They return complete
 * values (every default filled in), so a template reads as its flow.
 */
import type { SaveTarget } from "../attributes.ts";
import type { AssistantType, Channel } from "../channels.ts";
import type { Condition } from "../condition.ts";
import type { Dialog } from "../dialog.ts";
import type {
  EndInteraction,
  Interaction,
  PlayPrompt,
  Redirect,
  SendMessage,
  TextQuestion,
  Transfer,
} from "../interaction.ts";
import { isInteractionAvailable } from "../interactions/registry.ts";

export function dialog(id: string, name: string, interactions: Interaction[], end: EndInteraction): Dialog {
  return { id, name, interactions, end };
}

/**
 * A message that needs no reply: sent as text where the channel carries text,
 * spoken on voice (send message is not available there).
 */
export function say(
  channel: Channel,
  type: AssistantType,
  id: string,
  text: string,
): SendMessage | PlayPrompt {
  return isInteractionAvailable("send_message", channel, type)
    ? { id, kind: "send_message", text }
    : { id, kind: "play_prompt", text };
}

export function textQuestion(id: string, prompt: string, saveTo?: SaveTarget): TextQuestion {
  return { id, kind: "text_question", prompt, understandIntents: false, ...(saveTo ? { saveTo } : {}) };
}

export function redirect(id: string, dialogId: string): Redirect {
  return { id, kind: "redirect", dialogId };
}

export function transfer(id: string, options: { message?: string; teamId?: string } = {}): Transfer {
  return { id, kind: "transfer", routing: {}, ...options };
}

/** A case-insensitive comparison with what the customer answered (spec 13 menus). */
export function answerCondition(
  attribute: SaveTarget,
  operator: "equals" | "contains",
  value: string,
): Condition {
  return { scope: attribute.klass, attribute: attribute.attribute, operator, value };
}
