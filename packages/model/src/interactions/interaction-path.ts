import { z } from "zod";
import { DialogReference } from "../identifiers.ts";
import type { Interaction } from "../interaction.ts";

/**
 * A nested run of interactions inside a conditional branch or a business
 * schedule, optionally ending in a redirect. Without a redirect the dialog
 * goes on after the interaction that holds the path.
 */
export interface InteractionPath {
  interactions: Interaction[];
  redirectTo?: string | undefined;
}

export function interactionPathSchema(interaction: z.ZodType<Interaction>) {
  return z.object({
    interactions: z.array(interaction).max(50, "allows at most 50 interactions").default([]),
    redirectTo: DialogReference.optional(),
  });
}
