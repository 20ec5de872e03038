import { z } from "zod";
import { Identifier } from "./identifiers.ts";
import { EndInteraction, Interaction } from "./interaction.ts";

export const Dialog = z
  .object({
    id: Identifier,
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    /** Set by the server; rewritten when an assistant is imported into another instance (spec 16). */
    assistantId: z.string().max(128).optional(),
    interactions: z.array(Interaction).max(100, "allows at most 100 interactions").default([]),
    /** The one end interaction; a dialog without one is unlinked (the red anchor). */
    end: EndInteraction.nullable().default(null),
  })
  .meta({ id: "Dialog" });
export type Dialog = z.infer<typeof Dialog>;

/** The names of the two dialogs every assistant has. Welcome is always first. */
export const welcomeDialogName = "Welcome";
export const completeAssistantDialogName = "Complete Assistant";
