import { z } from "zod";
import { DialogReference, Identifier } from "../identifiers.ts";
import {
  atDialogEnd,
  defineInteraction,
  everyAssistantType,
  everyChannel,
  neverWaits,
} from "./definition.ts";

const description = "Continues in another dialog.";

export const Redirect = z
  .object({ id: Identifier, kind: z.literal("redirect"), dialogId: DialogReference })
  .meta({ id: "Redirect", description });
export type Redirect = z.infer<typeof Redirect>;

export const redirectDefinition = defineInteraction<Redirect>({
  kind: "redirect",
  schema: Redirect,
  label: "Redirect to dialog",
  alsoKnownAs: [],
  description,
  end: true,
  availability: { channels: everyChannel, assistantTypes: everyAssistantType, positions: atDialogEnd },
  waitsForCustomer: neverWaits,
  nestedPaths: [],
  references: [{ path: "dialogId", target: "dialog" }],
  textTemplateFields: [],
  optionIds: [],
  fields: [{ key: "dialogId", label: "Redirect to", kind: "dialog", required: true }],
});
