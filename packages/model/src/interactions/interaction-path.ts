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

/**
 * Built once (interaction.ts) and shared by branches and schedules. The list and the path are named so
 * JSON Schema and OpenAPI refer to them instead of copying them into every place that uses them.
 */
export function interactionPathSchema(interaction: z.ZodType<Interaction>) {
  const list = z
    .array(interaction)
    .max(50, "allows at most 50 interactions")
    .default([])
    .meta({ id: "InteractionList" });
  return z
    .object({ interactions: list, redirectTo: DialogReference.optional() })
    .meta({ id: "InteractionPath" });
}

export type InteractionPathSchema = ReturnType<typeof interactionPathSchema>;
