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
 * The list and the path are named so JSON Schema and OpenAPI refer to them instead of copying them
 * into every place that uses them.
 */
function interactionPathSchema(interaction: z.ZodType<Interaction>) {
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

// Paths hold interactions, and the union of interactions holds the branches and schedules that hold
// paths. interaction.ts hands the union over once it exists, so no module imports its own importer.
let interactionUnion: z.ZodType<Interaction> | undefined;
let sharedPath: InteractionPathSchema | undefined;

export function provideInteractionUnion(union: z.ZodType<Interaction>): void {
  interactionUnion = union;
}

/** The one path schema branches and schedules share, built on first use. */
export function nestedInteractionPath(): InteractionPathSchema {
  sharedPath ??= interactionPathSchema(
    z.lazy(() => {
      if (interactionUnion === undefined) throw new Error("interaction.ts has not provided the union yet");
      return interactionUnion;
    }),
  );
  return sharedPath;
}
