import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { DialogReference, Identifier, TextTemplate } from "../identifiers.ts";

export const InputOption = z.object({
  id: Identifier,
  /** The key the caller presses, such as `1` or `#`. */
  digits: z
    .string()
    .regex(/^[0-9*#]{1,8}$/, "must be keypad digits")
    .optional(),
  /** Words that select this option when spoken. */
  phrases: z.array(z.string().min(1).max(100)).max(20).optional(),
  dialogId: DialogReference,
});
export type InputOption = z.infer<typeof InputOption>;

export const CollectCustomerInput = z
  .object({
    id: Identifier,
    kind: z.literal("collect_customer_input"),
    prompt: TextTemplate,
    mode: z.enum(["digits", "speech", "digits_or_speech"]),
    /** Options redirect to dialogs; input that matches none is saved and the dialog goes on. */
    options: z.array(InputOption).max(12).default([]),
    saveTo: SaveTarget.optional(),
    maxDigits: z.number().int().min(1).max(32).optional(),
  })
  .meta({ id: "CollectCustomerInput", description: "Voice: gathers keypad digits or speech." });
export type CollectCustomerInput = z.infer<typeof CollectCustomerInput>;
