import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier, Label, TextTemplate } from "../identifiers.ts";
import {
  alwaysWaits,
  defineInteraction,
  everyAssistantType,
  inDialogsBranchesAndSchedules,
} from "./definition.ts";

export const Button = z.object({ id: Identifier, label: Label }).meta({ id: "Button" });
export type Button = z.infer<typeof Button>;

const description = "Asks a question answered with one of its buttons.";

export const ButtonQuestion = z
  .object({
    id: Identifier,
    kind: z.literal("button_question"),
    prompt: TextTemplate,
    buttons: z.array(Button).min(1, "needs at least one button").max(10, "allows at most 10 buttons"),
    saveTo: SaveTarget.optional(),
  })
  .meta({ id: "ButtonQuestion", description });
export type ButtonQuestion = z.infer<typeof ButtonQuestion>;

export const buttonQuestionDefinition = defineInteraction<ButtonQuestion>({
  kind: "button_question",
  schema: ButtonQuestion,
  label: "Button question",
  alsoKnownAs: [],
  description,
  end: false,
  availability: {
    channels: ["chat"],
    assistantTypes: everyAssistantType,
    positions: inDialogsBranchesAndSchedules,
  },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [{ path: "saveTo", target: "attribute" }],
  textTemplateFields: ["prompt"],
  optionIds: [{ path: "buttons", noun: "button" }],
  fields: [
    { key: "prompt", label: "Question", kind: "text_template", required: true },
    {
      key: "buttons",
      label: "Buttons",
      kind: "list",
      required: true,
      items: [{ key: "label", label: "Button text", kind: "label", required: true }],
    },
    { key: "saveTo", label: "Save the button text to", kind: "attribute", required: false },
  ],
});
