import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";
import { defineInteraction, inDialogsAndBranches, neverWaits } from "./definition.ts";

const description = "Voice: speaks a prompt and moves on.";

export const PlayPrompt = z
  .object({
    id: Identifier,
    kind: z.literal("play_prompt"),
    /** Spoken with text to speech unless an audio file is given. */
    text: TextTemplate,
    audioUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .meta({ id: "PlayPrompt", description });
export type PlayPrompt = z.infer<typeof PlayPrompt>;

export const playPromptDefinition = defineInteraction<PlayPrompt>({
  kind: "play_prompt",
  schema: PlayPrompt,
  label: "Play prompt",
  alsoKnownAs: [],
  description,
  end: false,
  availability: { channels: ["voice"], assistantTypes: ["lite"], positions: inDialogsAndBranches },
  waitsForCustomer: neverWaits,
  nestedPaths: [],
  references: [],
  textTemplateFields: ["text"],
  optionIds: [],
  fields: [
    { key: "text", label: "Prompt", kind: "text_template", required: true },
    {
      key: "audioUrl",
      label: "Audio file",
      kind: "url",
      required: false,
      description: "Played instead of speaking the prompt.",
    },
  ],
});
