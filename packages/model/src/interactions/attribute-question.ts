import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier, TextTemplate } from "../identifiers.ts";
import { defineInteraction, everyAssistantType, inDialogsBranchesAndSchedules } from "./definition.ts";

const description = "Offers an attribute's values as buttons and saves the choice.";

export const AttributeQuestion = z
  .object({
    id: Identifier,
    kind: z.literal("attribute_question"),
    prompt: TextTemplate,
    /** The Klass attribute whose values become the buttons; the answer is saved there. */
    attribute: SaveTarget,
    /** The attribute values offered as buttons, in order (for example teams `CX`, `Sales`, `Shipping`). */
    values: z
      .array(z.string().min(1).max(100))
      .min(1, "needs at least one value")
      .max(10, "allows at most 10 values"),
    /** Skip the question when the attribute already has a value. */
    skipIfSet: z.boolean().default(false),
  })
  .meta({ id: "AttributeQuestion", description });
export type AttributeQuestion = z.infer<typeof AttributeQuestion>;

export const attributeQuestionDefinition = defineInteraction<AttributeQuestion>({
  kind: "attribute_question",
  schema: AttributeQuestion,
  label: "Attribute question",
  alsoKnownAs: ["Data Attribute Question"],
  description,
  end: false,
  availability: {
    channels: ["chat"],
    assistantTypes: everyAssistantType,
    positions: inDialogsBranchesAndSchedules,
  },
  // A question that skips itself when the attribute is set may not wait at all.
  waitsForCustomer: (interaction) => !interaction.skipIfSet,
  nestedPaths: [],
  references: [{ path: "attribute", target: "attribute" }],
  textTemplateFields: ["prompt"],
  optionIds: [],
  fields: [
    { key: "prompt", label: "Question", kind: "text_template", required: true },
    { key: "attribute", label: "Attribute", kind: "attribute", required: true },
    { key: "values", label: "Values offered as buttons", kind: "text_list", required: true },
    {
      key: "skipIfSet",
      label: "Skip if the attribute already has a value",
      kind: "boolean",
      required: false,
    },
  ],
});
