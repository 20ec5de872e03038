import type { AssistantType, Channel } from "./channels.ts";
import type { AnyInteractionKind } from "./interaction.ts";

/**
 * Capability tables, as read in shared/reference/spec-notes.md. The validator,
 * the engine and the console all read these, so availability has one source.
 */
export interface Availability {
  channels: readonly Channel[];
  types: readonly AssistantType[];
}

const allChannels: readonly Channel[] = [
  "chat",
  "whatsapp",
  "sms",
  "voice",
  "twilio_whatsapp",
  "messagebird_whatsapp",
];
const allButVoice: readonly Channel[] = [
  "chat",
  "whatsapp",
  "sms",
  "twilio_whatsapp",
  "messagebird_whatsapp",
];
const allTypes: readonly AssistantType[] = ["lite", "premium", "pro"];
const automationTypes: readonly AssistantType[] = ["premium", "pro"];

export const interactionAvailability: Record<AnyInteractionKind, Availability> = {
  send_message: { channels: allButVoice, types: allTypes },
  text_question: { channels: allButVoice, types: allTypes },
  button_question: { channels: ["chat"], types: allTypes },
  attribute_question: { channels: ["chat"], types: allTypes },
  conditional_branch: { channels: allButVoice, types: allTypes },
  business_schedule: { channels: allChannels, types: allTypes },
  object_selector: { channels: ["chat", "whatsapp"], types: automationTypes },
  run_workflow: { channels: allButVoice, types: automationTypes },
  update_attribute: { channels: allButVoice, types: allTypes },
  play_prompt: { channels: ["voice"], types: ["lite"] },
  collect_customer_input: { channels: ["voice"], types: ["lite"] },
  collect_language_preference: { channels: ["voice"], types: ["lite"] },
  request_feedback: { channels: ["chat", "whatsapp"], types: automationTypes },
  ai_response: { channels: ["chat", "whatsapp"], types: ["premium"] },
  navigation_buttons: { channels: ["chat", "whatsapp"], types: allTypes },
  article_deflection: { channels: ["chat"], types: automationTypes },
  list_selector: { channels: ["whatsapp"], types: allTypes },
  redirect: { channels: allChannels, types: allTypes },
  transfer: { channels: allChannels, types: allTypes },
  voicemail: { channels: ["voice"], types: ["lite"] },
  end_conversation: { channels: allButVoice, types: automationTypes },
};

/** Features other than interactions that depend on the assistant type. */
export const featureAvailability = {
  intents: { types: automationTypes },
} as const;

export type VolumeControlSetting =
  | "reminder"
  | "abandon"
  | "abandonMarkDone"
  | "agentMissed"
  | "agentMissedMarkDone";

export const volumeControlAvailability: Record<VolumeControlSetting, Availability> = {
  reminder: { channels: allChannels, types: allTypes },
  abandon: { channels: allButVoice, types: allTypes },
  abandonMarkDone: { channels: allButVoice, types: automationTypes },
  agentMissed: { channels: ["chat"], types: allTypes },
  agentMissedMarkDone: { channels: ["chat"], types: automationTypes },
};

export function isAvailable(availability: Availability, channel: Channel, type: AssistantType): boolean {
  return availability.channels.includes(channel) && availability.types.includes(type);
}

export function isInteractionAvailable(
  kind: AnyInteractionKind,
  channel: Channel,
  type: AssistantType,
): boolean {
  return isAvailable(interactionAvailability[kind], channel, type);
}

/** Voice is Lite only (spec 02): the types that can serve each channel. */
export function typesForChannel(channel: Channel): readonly AssistantType[] {
  return channel === "voice" ? ["lite"] : allTypes;
}
