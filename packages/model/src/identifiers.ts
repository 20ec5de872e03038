import { z } from "zod";

/** Ids of dialogs, interactions, buttons and options: short, URL- and JSON-pointer-safe. */
export const Identifier = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, '-' or '_'")
  .meta({ id: "Identifier" });

/** A reference to a dialog of the same assistant, by its id. */
export const DialogReference = Identifier.describe("id of a dialog of this assistant");

/** Text a customer reads or hears; may contain `{{...}}` placeholders (see text-template.ts). */
export const TextTemplate = z
  .string()
  .min(1, "must not be empty")
  .max(4096, "must be at most 4096 characters")
  .meta({ id: "TextTemplate" });

/** A button or option label shown to the customer. */
export const Label = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
