import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { DialogReference, Identifier, TextTemplate } from "../identifiers.ts";
import {
  alwaysWaits,
  automationAssistantTypes,
  defineInteraction,
  inDialogsAndBranches,
} from "./definition.ts";

const AttributeName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "must be an attribute name");

const description =
  "Shows an authenticated customer's 3 most recent objects of a Klass as cards to pick from.";

export const ObjectSelector = z
  .object({
    id: Identifier,
    kind: z.literal("object_selector"),
    prompt: TextTemplate,
    /** The custom Klass whose objects are offered, such as `order`. */
    klass: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a Klass name"),
    /** Which object attributes fill the card; the image is optional. */
    card: z.object({ title: AttributeName, description: AttributeName, image: AttributeName.optional() }),
    /** Where the chosen object's id is saved. */
    saveTo: SaveTarget.optional(),
    notAuthenticatedRedirect: DialogReference,
    noResultsRedirect: DialogReference,
  })
  .meta({ id: "ObjectSelector", description });
export type ObjectSelector = z.infer<typeof ObjectSelector>;

export const objectSelectorDefinition = defineInteraction<ObjectSelector>({
  kind: "object_selector",
  schema: ObjectSelector,
  label: "Object selector",
  alsoKnownAs: [],
  description,
  end: false,
  availability: {
    channels: ["chat", "whatsapp"],
    assistantTypes: automationAssistantTypes,
    positions: inDialogsAndBranches,
  },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [
    { path: "klass", target: "klass" },
    { path: "card.title", target: "klass_attribute" },
    { path: "card.description", target: "klass_attribute" },
    { path: "card.image", target: "klass_attribute" },
    { path: "saveTo", target: "attribute" },
    { path: "notAuthenticatedRedirect", target: "dialog", withoutAnswer: true },
    { path: "noResultsRedirect", target: "dialog", withoutAnswer: true },
  ],
  textTemplateFields: ["prompt"],
  optionIds: [],
  fields: [
    { key: "prompt", label: "Message", kind: "text_template", required: true },
    { key: "klass", label: "Klass", kind: "klass", required: true },
    { key: "card.title", label: "Card title", kind: "klass_attribute", required: true },
    { key: "card.description", label: "Card description", kind: "klass_attribute", required: true },
    { key: "card.image", label: "Card image", kind: "klass_attribute", required: false },
    { key: "saveTo", label: "Save the chosen object to", kind: "attribute", required: false },
    {
      key: "notAuthenticatedRedirect",
      label: "If the customer is not authenticated, redirect to",
      kind: "dialog",
      required: true,
    },
    {
      key: "noResultsRedirect",
      label: "If no objects are found, redirect to",
      kind: "dialog",
      required: true,
    },
  ],
});
