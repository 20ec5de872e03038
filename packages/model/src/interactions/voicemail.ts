import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";
import { atDialogEnd, defineInteraction, neverWaits } from "./definition.ts";

const description = "Voice: records a message for the team.";

export const Voicemail = z
  .object({
    id: Identifier,
    kind: z.literal("voicemail"),
    prompt: TextTemplate.default("Please leave a message after the tone."),
    maxSeconds: z.number().int().min(5).max(600).default(120),
  })
  .meta({ id: "Voicemail", description });
export type Voicemail = z.infer<typeof Voicemail>;

export const voicemailDefinition = defineInteraction<Voicemail>({
  kind: "voicemail",
  schema: Voicemail,
  label: "Send to voicemail",
  alsoKnownAs: [],
  description,
  end: true,
  availability: { channels: ["voice"], assistantTypes: ["lite"], positions: atDialogEnd },
  // The recording ends the assistant; nothing follows it.
  waitsForCustomer: neverWaits,
  nestedPaths: [],
  references: [],
  textTemplateFields: ["prompt"],
  optionIds: [],
  fields: [
    { key: "prompt", label: "Prompt", kind: "text_template", required: false },
    { key: "maxSeconds", label: "Longest recording (seconds)", kind: "number", required: false },
  ],
});
