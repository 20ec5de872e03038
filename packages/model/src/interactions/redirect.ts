import { z } from "zod";
import { DialogReference, Identifier } from "../identifiers.ts";

export const Redirect = z
  .object({ id: Identifier, kind: z.literal("redirect"), dialogId: DialogReference })
  .meta({ id: "Redirect", description: "Continues in another dialog." });
export type Redirect = z.infer<typeof Redirect>;
