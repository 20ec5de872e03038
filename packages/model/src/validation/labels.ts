import type { Availability } from "../capabilities.ts";
import type { AssistantType, Channel } from "../channels.ts";
import type { AnyInteractionKind } from "../interaction.ts";

/** The names admins see in the editor and in the spec, used in messages and docs. */
export const interactionLabels: Record<AnyInteractionKind, string> = {
  send_message: "Send message",
  text_question: "Text question",
  button_question: "Button question",
  attribute_question: "Attribute question",
  conditional_branch: "Conditional branch",
  business_schedule: "Business schedule",
  object_selector: "Object selector",
  run_workflow: "Run workflow",
  update_attribute: "Update attribute",
  play_prompt: "Play prompt",
  collect_customer_input: "Collect customer input",
  collect_language_preference: "Collect language preference",
  request_feedback: "Request feedback",
  ai_response: "AI response",
  navigation_buttons: "Navigation buttons",
  article_deflection: "Article deflection",
  list_selector: "List selector",
  redirect: "Redirect to dialog",
  transfer: "Transfer to an agent",
  voicemail: "Send to voicemail",
  end_conversation: "End conversation",
};

export const channelLabels: Record<Channel, string> = {
  chat: "web chat",
  whatsapp: "WhatsApp",
  sms: "SMS",
  voice: "voice",
  twilio_whatsapp: "Twilio WhatsApp",
  messagebird_whatsapp: "MessageBird WhatsApp",
};

export const typeLabels: Record<AssistantType, string> = {
  lite: "Lite",
  premium: "Premium",
  pro: "Pro",
};

/** "a, b or c": lists in messages read as prose. */
export function listInProse(items: readonly string[], conjunction = "or"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

export function describeChannels(availability: Pick<Availability, "channels">): string {
  return listInProse(availability.channels.map((channel) => channelLabels[channel]));
}

export function describeTypes(availability: Pick<Availability, "types">): string {
  return listInProse(availability.types.map((type) => typeLabels[type]));
}

export function quoted(text: string): string {
  return JSON.stringify(text);
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
