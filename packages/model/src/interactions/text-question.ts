import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier, TextTemplate } from "../identifiers.ts";
import {
  alwaysWaits,
  defineInteraction,
  everyAssistantType,
  everyChannelButVoice,
  inDialogsBranchesAndSchedules,
} from "./definition.ts";

const description = "Asks a question and waits for a text reply.";

export const TextQuestion = z
  .object({
    id: Identifier,
    kind: z.literal("text_question"),
    prompt: TextTemplate,
    saveTo: SaveTarget.optional(),
    /** Run intent detection on the reply and follow the assistant's intent-to-dialog mappings. */
    understandIntents: z.boolean().default(false),
  })
  .meta({ id: "TextQuestion", description });
export type TextQuestion = z.infer<typeof TextQuestion>;

export const textQuestionDefinition = defineInteraction<TextQuestion>({
  kind: "text_question",
  schema: TextQuestion,
  label: "Text question",
  alsoKnownAs: ["Customer Text Response"],
  description,
  end: false,
  availability: {
    channels: everyChannelButVoice,
    assistantTypes: everyAssistantType,
    positions: inDialogsBranchesAndSchedules,
  },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [{ path: "saveTo", target: "attribute" }],
  textTemplateFields: ["prompt"],
  optionIds: [],
  fields: [
    { key: "prompt", label: "Question", kind: "text_template", required: true },
    { key: "saveTo", label: "Save the answer to", kind: "attribute", required: false },
    {
      key: "understandIntents",
      label: "Understand intents",
      kind: "boolean",
      required: false,
      description: "Detect the intent of the reply and follow the assistant's intent mappings.",
    },
  ],
});
