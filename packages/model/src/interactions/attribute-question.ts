import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier, TextTemplate } from "../identifiers.ts";

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
  .meta({
    id: "AttributeQuestion",
    description: "Offers an attribute's values as buttons and saves the choice.",
  });
export type AttributeQuestion = z.infer<typeof AttributeQuestion>;
