import type { AssistantType, Channel } from "./channels.ts";
import {
  automationAssistantTypes,
  everyAssistantType,
  everyChannel,
  everyChannelButVoice,
} from "./interactions/definition.ts";

/**
 * Availability of what is not an interaction, as read in shared/reference/spec-notes.md. Each
 * interaction kind carries its own availability in its definition (interactions/registry.ts).
 */
export interface Availability {
  channels: readonly Channel[];
  types: readonly AssistantType[];
}

/** Features other than interactions that depend on the assistant type. */
export const featureAvailability = {
  intents: { types: automationAssistantTypes },
} as const;

export type VolumeControlSetting =
  | "reminder"
  | "abandon"
  | "abandonMarkDone"
  | "agentMissed"
  | "agentMissedMarkDone";

export const volumeControlAvailability: Record<VolumeControlSetting, Availability> = {
  reminder: { channels: everyChannel, types: everyAssistantType },
  abandon: { channels: everyChannelButVoice, types: everyAssistantType },
  abandonMarkDone: { channels: everyChannelButVoice, types: automationAssistantTypes },
  agentMissed: { channels: ["chat"], types: everyAssistantType },
  agentMissedMarkDone: { channels: ["chat"], types: automationAssistantTypes },
};

export function isAvailable(availability: Availability, channel: Channel, type: AssistantType): boolean {
  return availability.channels.includes(channel) && availability.types.includes(type);
}

/** Voice is Lite only (spec 02): the types that can serve each channel. */
export function typesForChannel(channel: Channel): readonly AssistantType[] {
  return channel === "voice" ? ["lite"] : everyAssistantType;
}
