import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";

export const PlayPrompt = z
  .object({
    id: Identifier,
    kind: z.literal("play_prompt"),
    /** Spoken with text to speech unless an audio file is given. */
    text: TextTemplate,
    audioUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .meta({ id: "PlayPrompt", description: "Voice: speaks a prompt and moves on." });
export type PlayPrompt = z.infer<typeof PlayPrompt>;
