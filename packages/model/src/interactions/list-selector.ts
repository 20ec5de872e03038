import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { DialogReference, Identifier, Label, TextTemplate } from "../identifiers.ts";
import { alwaysWaits, atDialogEnd, defineInteraction, everyAssistantType } from "./definition.ts";

export const ListOption = z.object({
  id: Identifier,
  label: Label.max(24, "must be at most 24 characters (WhatsApp list rows)"),
  description: z.string().max(72).optional(),
  dialogId: DialogReference,
});
export type ListOption = z.infer<typeof ListOption>;

/** WhatsApp lists hold at most 10 rows. The schema allows more so validation can explain the limit. */
export const maxListOptions = 10;

const description = "A list of up to 10 options that each lead to a dialog.";

export const ListSelector = z
  .object({
    id: Identifier,
    kind: z.literal("list_selector"),
    prompt: TextTemplate,
    /** The label of the button that opens the list on WhatsApp. */
    buttonLabel: Label.max(20, "must be at most 20 characters").default("Choose"),
    options: z.array(ListOption).min(1, "needs at least one option").max(100),
    saveTo: SaveTarget.optional(),
    understandIntents: z.boolean().default(false),
  })
  .meta({ id: "ListSelector", description });
export type ListSelector = z.infer<typeof ListSelector>;

export const listSelectorDefinition = defineInteraction<ListSelector>({
  kind: "list_selector",
  schema: ListSelector,
  label: "List selector",
  alsoKnownAs: [],
  description,
  end: true,
  availability: { channels: ["whatsapp"], assistantTypes: everyAssistantType, positions: atDialogEnd },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [
    { path: "options[].dialogId", target: "dialog" },
    { path: "saveTo", target: "attribute" },
  ],
  textTemplateFields: ["prompt"],
  optionIds: [{ path: "options", noun: "option" }],
  fields: [
    { key: "prompt", label: "Message", kind: "text_template", required: true },
    { key: "buttonLabel", label: "List button", kind: "label", required: false },
    {
      key: "options",
      label: "Options",
      kind: "list",
      required: true,
      description: `Up to ${maxListOptions}.`,
      items: [
        { key: "label", label: "Option", kind: "label", required: true },
        { key: "description", label: "Description", kind: "text", required: false },
        { key: "dialogId", label: "Redirect to", kind: "dialog", required: true },
      ],
    },
    { key: "saveTo", label: "Save the choice to", kind: "attribute", required: false },
    { key: "understandIntents", label: "Understand intents", kind: "boolean", required: false },
  ],
});
