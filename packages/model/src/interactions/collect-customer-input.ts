import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { DialogReference, Identifier, TextTemplate } from "../identifiers.ts";
import { alwaysWaits, defineInteraction, inDialogsAndBranches } from "./definition.ts";

export const InputOption = z.object({
  id: Identifier,
  /** The key the caller presses, such as `1` or `#`. */
  digits: z
    .string()
    .regex(/^[0-9*#]{1,8}$/, "must be keypad digits")
    .optional(),
  /** Words that select this option when spoken. */
  phrases: z.array(z.string().min(1).max(100)).max(20).optional(),
  dialogId: DialogReference,
});
export type InputOption = z.infer<typeof InputOption>;

const modes = ["digits", "speech", "digits_or_speech"] as const;
const description = "Voice: gathers keypad digits or speech.";

export const CollectCustomerInput = z
  .object({
    id: Identifier,
    kind: z.literal("collect_customer_input"),
    prompt: TextTemplate,
    mode: z.enum(modes),
    /** Options redirect to dialogs; input that matches none is saved and the dialog goes on. */
    options: z.array(InputOption).max(12).default([]),
    saveTo: SaveTarget.optional(),
    maxDigits: z.number().int().min(1).max(32).optional(),
  })
  .meta({ id: "CollectCustomerInput", description });
export type CollectCustomerInput = z.infer<typeof CollectCustomerInput>;

export const collectCustomerInputDefinition = defineInteraction<CollectCustomerInput>({
  kind: "collect_customer_input",
  schema: CollectCustomerInput,
  label: "Collect customer input",
  alsoKnownAs: [],
  description,
  end: false,
  availability: { channels: ["voice"], assistantTypes: ["lite"], positions: inDialogsAndBranches },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [
    { path: "options[].dialogId", target: "dialog" },
    { path: "saveTo", target: "attribute" },
  ],
  textTemplateFields: ["prompt"],
  optionIds: [{ path: "options", noun: "option" }],
  fields: [
    { key: "prompt", label: "Prompt", kind: "text_template", required: true },
    { key: "mode", label: "Input", kind: "choice", required: true, choices: modes },
    {
      key: "options",
      label: "Options",
      kind: "list",
      required: false,
      description: "Input that matches no option is saved and the dialog goes on.",
      items: [
        { key: "digits", label: "Keys", kind: "keypad_digits", required: false },
        { key: "phrases", label: "Spoken phrases", kind: "text_list", required: false },
        { key: "dialogId", label: "Redirect to", kind: "dialog", required: true },
      ],
    },
    { key: "saveTo", label: "Save the input to", kind: "attribute", required: false },
    { key: "maxDigits", label: "Most digits", kind: "number", required: false },
  ],
});
