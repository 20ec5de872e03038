import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { DialogReference, Identifier, TextTemplate } from "../identifiers.ts";

const AttributeName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "must be an attribute name");

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
  .meta({
    id: "ObjectSelector",
    description: "Shows an authenticated customer's 3 most recent objects of a Klass as cards to pick from.",
  });
export type ObjectSelector = z.infer<typeof ObjectSelector>;
