import type { AssistantType, Channel } from "../channels.ts";

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

export function describeChannels(channels: readonly Channel[]): string {
  return listInProse(channels.map((channel) => channelLabels[channel]));
}

export function describeTypes(types: readonly AssistantType[]): string {
  return listInProse(types.map((type) => typeLabels[type]));
}

export function quoted(text: string): string {
  return JSON.stringify(text);
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
