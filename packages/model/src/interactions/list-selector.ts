import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { DialogReference, Identifier, Label, TextTemplate } from "../identifiers.ts";

export const ListOption = z.object({
  id: Identifier,
  label: Label.max(24, "must be at most 24 characters (WhatsApp list rows)"),
  description: z.string().max(72).optional(),
  dialogId: DialogReference,
});
export type ListOption = z.infer<typeof ListOption>;

/** WhatsApp lists hold at most 10 rows. The schema allows more so validation can explain the limit. */
export const maxListOptions = 10;

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
  .meta({ id: "ListSelector", description: "A list of up to 10 options that each lead to a dialog." });
export type ListSelector = z.infer<typeof ListSelector>;
