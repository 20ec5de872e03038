import { z } from "zod";

/** The channel an assistant serves. An assistant belongs to exactly one. */
export const channels = [
  "chat",
  "whatsapp",
  "sms",
  "voice",
  "twilio_whatsapp",
  "messagebird_whatsapp",
] as const;
export const Channel = z.enum(channels).meta({ id: "Channel" });
export type Channel = z.infer<typeof Channel>;

/** Pro is legacy: it imports, runs and converts, but cannot be created. */
export const assistantTypes = ["lite", "premium", "pro"] as const;
export const AssistantType = z.enum(assistantTypes).meta({ id: "AssistantType" });
export type AssistantType = z.infer<typeof AssistantType>;

/**
 * Channels that can only carry plain text: choices are sent as numbered menus
 * and answered by number or by the option's text (spec 13).
 */
export const textOnlyChannels: readonly Channel[] = ["sms", "twilio_whatsapp", "messagebird_whatsapp"];

/** Channels where the "no intent matched" behaviour setting applies (spec 08). */
export const whatsappChannels: readonly Channel[] = ["whatsapp", "twilio_whatsapp", "messagebird_whatsapp"];

export function isTextOnlyChannel(channel: Channel): boolean {
  return textOnlyChannels.includes(channel);
}

export function isWhatsappChannel(channel: Channel): boolean {
  return whatsappChannels.includes(channel);
}

/** A BCP 47 language tag such as `en`, `es` or `pt-BR`. */
export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en, es or pt-BR")
  .meta({ id: "LanguageTag" });
export type LanguageTag = z.infer<typeof LanguageTag>;
