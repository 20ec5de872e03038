import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { DialogReference, Identifier, Label, TextTemplate } from "../identifiers.ts";
import { alwaysWaits, atDialogEnd, defineInteraction, everyAssistantType } from "./definition.ts";

export const NavigationButton = z.object({ id: Identifier, label: Label, dialogId: DialogReference });
export type NavigationButton = z.infer<typeof NavigationButton>;

const description = "Buttons that each lead to a dialog.";

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
  .meta({ id: "NavigationButtons", description });
export type NavigationButtons = z.infer<typeof NavigationButtons>;

export const navigationButtonsDefinition = defineInteraction<NavigationButtons>({
  kind: "navigation_buttons",
  schema: NavigationButtons,
  label: "Navigation buttons",
  alsoKnownAs: [],
  description,
  end: true,
  availability: {
    channels: ["chat", "whatsapp"],
    assistantTypes: everyAssistantType,
    positions: atDialogEnd,
  },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [
    { path: "buttons[].dialogId", target: "dialog" },
    { path: "saveTo", target: "attribute" },
  ],
  textTemplateFields: ["prompt"],
  optionIds: [{ path: "buttons", noun: "button" }],
  fields: [
    { key: "prompt", label: "Message", kind: "text_template", required: true },
    {
      key: "buttons",
      label: "Buttons",
      kind: "list",
      required: true,
      items: [
        { key: "label", label: "Button text", kind: "label", required: true },
        { key: "dialogId", label: "Redirect to", kind: "dialog", required: true },
      ],
    },
    { key: "saveTo", label: "Save the button text to", kind: "attribute", required: false },
  ],
});
