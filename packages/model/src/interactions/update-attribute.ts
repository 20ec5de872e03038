import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier } from "../identifiers.ts";

export const AttributeUpdate = z.object({
  target: SaveTarget,
  /** Text values are text templates; lists (such as tags) are added to or removed from. */
  value: z.union([z.string().max(4096), z.number(), z.boolean(), z.array(z.string().max(256)).max(50)]),
  operation: z.enum(["set", "add", "remove"]).default("set"),
});
export type AttributeUpdate = z.infer<typeof AttributeUpdate>;

export const UpdateAttribute = z
  .object({
    id: Identifier,
    kind: z.literal("update_attribute"),
    updates: z.array(AttributeUpdate).min(1, "needs at least one update").max(20),
  })
  .meta({ id: "UpdateAttribute", description: "Sets Conversation or Customer attributes." });
export type UpdateAttribute = z.infer<typeof UpdateAttribute>;
