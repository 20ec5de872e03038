import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";

export const Voicemail = z
  .object({
    id: Identifier,
    kind: z.literal("voicemail"),
    prompt: TextTemplate.default("Please leave a message after the tone."),
    maxSeconds: z.number().int().min(5).max(600).default(120),
  })
  .meta({ id: "Voicemail", description: "Voice: records a message for the team." });
export type Voicemail = z.infer<typeof Voicemail>;
