import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { DialogReference, Identifier, Label, TextTemplate } from "../identifiers.ts";

export const NavigationButton = z.object({ id: Identifier, label: Label, dialogId: DialogReference });
export type NavigationButton = z.infer<typeof NavigationButton>;

export const NavigationButtons = z
  .object({
    id: Identifier,
    kind: z.literal("navigation_buttons"),
    prompt: TextTemplate,
    buttons: z
      .array(NavigationButton)
      .min(1, "needs at least one button")
      .max(10, "allows at most 10 buttons"),
    saveTo: SaveTarget.optional(),
  })
  .meta({ id: "NavigationButtons", description: "Buttons that each lead to a dialog." });
export type NavigationButtons = z.infer<typeof NavigationButtons>;
