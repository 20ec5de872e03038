import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier } from "../identifiers.ts";
import {
  defineInteraction,
  everyAssistantType,
  everyChannelButVoice,
  inDialogsBranchesAndSchedules,
  neverWaits,
} from "./definition.ts";

const operations = ["set", "add", "remove"] as const;

export const AttributeUpdate = z.object({
  target: SaveTarget,
  /** Text values are text templates; lists (such as tags) are added to or removed from. */
  value: z.union([z.string().max(4096), z.number(), z.boolean(), z.array(z.string().max(256)).max(50)]),
  operation: z.enum(operations).default("set"),
});
export type AttributeUpdate = z.infer<typeof AttributeUpdate>;

const description = "Sets Conversation or Customer attributes.";

export const UpdateAttribute = z
  .object({
    id: Identifier,
    kind: z.literal("update_attribute"),
    updates: z.array(AttributeUpdate).min(1, "needs at least one update").max(20),
  })
  .meta({ id: "UpdateAttribute", description });
export type UpdateAttribute = z.infer<typeof UpdateAttribute>;

export const updateAttributeDefinition = defineInteraction<UpdateAttribute>({
  kind: "update_attribute",
  schema: UpdateAttribute,
  label: "Update attribute",
  alsoKnownAs: ["Update Data"],
  description,
  end: false,
  availability: {
    channels: everyChannelButVoice,
    assistantTypes: everyAssistantType,
    positions: inDialogsBranchesAndSchedules,
  },
  waitsForCustomer: neverWaits,
  nestedPaths: [],
  references: [{ path: "updates[].target", target: "attribute" }],
  // Only text values are templates; numbers, booleans and lists are not read for placeholders.
  textTemplateFields: ["updates[].value"],
  optionIds: [],
  fields: [
    {
      key: "updates",
      label: "Updates",
      kind: "list",
      required: true,
      items: [
        { key: "target", label: "Attribute", kind: "attribute", required: true },
        { key: "value", label: "Value", kind: "attribute_value", required: true },
        { key: "operation", label: "Operation", kind: "choice", required: false, choices: operations },
      ],
    },
  ],
});
