import { z } from "zod";
import { DialogReference, TextTemplate } from "./identifiers.ts";

export const followUpChannels = ["email", "phone", "sms", "whatsapp", "wait"] as const;
export type FollowUpChannel = (typeof followUpChannels)[number];

/** Volume control (spec 10). Defaults follow the spec: reminder after 5 min, abandon after 10, missed after 10. */
export const VolumeControl = z
  .object({
    reminder: z
      .object({
        enabled: z.boolean().default(true),
        afterMinutes: z.number().min(0.5).max(1440).default(5),
        message: TextTemplate.default("Are you still there?"),
        /** Voice re-prompts every 10 seconds this many times, then transfers to an agent. */
        voiceReprompts: z.number().int().min(1).max(10).default(3),
      })
      .default({ enabled: true, afterMinutes: 5, message: "Are you still there?", voiceReprompts: 3 }),
    abandon: z
      .object({
        enabled: z.boolean().default(false),
        afterMinutes: z.number().min(1).max(1440).default(10),
        message: TextTemplate.default("This conversation has ended because there was no reply for a while."),
        /** `mark_done` is for Premium and Pro assistants only. */
        action: z.enum(["transfer", "mark_done"]).default("transfer"),
      })
      .default({
        enabled: false,
        afterMinutes: 10,
        message: "This conversation has ended because there was no reply for a while.",
        action: "transfer",
      }),
    agentMissed: z
      .object({
        enabled: z.boolean().default(false),
        afterMinutes: z.number().min(1).max(1440).default(10),
        message: TextTemplate.default(
          "Sorry, no one has become available in the expected time. Please choose how we can follow up with you.",
        ),
        followUpChannels: z.array(z.enum(followUpChannels)).max(5).default(["email", "wait"]),
        /** Premium and Pro: mark the conversation done when no follow-up channel is chosen in time. */
        markDoneIfNoChoice: z.boolean().default(false),
        choiceTimeoutSeconds: z.number().int().min(5).max(3600).default(30),
      })
      .default({
        enabled: false,
        afterMinutes: 10,
        message:
          "Sorry, no one has become available in the expected time. Please choose how we can follow up with you.",
        followUpChannels: ["email", "wait"],
        markDoneIfNoChoice: false,
        choiceTimeoutSeconds: 30,
      }),
  })
  .meta({ id: "VolumeControl" });
export type VolumeControl = z.infer<typeof VolumeControl>;

/** What happens on WhatsApp when an input that understands intents matches none (spec 08). */
export const NoIntentBehaviour = z.discriminatedUnion("action", [
  z.object({ action: z.literal("continue") }),
  z.object({ action: z.literal("redirect"), dialogId: DialogReference }),
]);
export type NoIntentBehaviour = z.infer<typeof NoIntentBehaviour>;

export const AssistantSettings = z
  .object({
    volumeControl: VolumeControl.default(VolumeControl.parse({})),
    behaviour: z
      .object({ noIntentMatch: NoIntentBehaviour.default({ action: "continue" }) })
      .default({ noIntentMatch: { action: "continue" } }),
    /** The AI profile (custom instructions) used by AI responses that name none. */
    aiProfileId: z.string().min(1).max(128).optional(),
  })
  .meta({ id: "AssistantSettings" });
export type AssistantSettings = z.infer<typeof AssistantSettings>;
