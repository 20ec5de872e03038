import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier, Label, TextTemplate } from "../identifiers.ts";

export const Button = z.object({ id: Identifier, label: Label }).meta({ id: "Button" });
export type Button = z.infer<typeof Button>;

export const ButtonQuestion = z
  .object({
    id: Identifier,
    kind: z.literal("button_question"),
    prompt: TextTemplate,
    buttons: z.array(Button).min(1, "needs at least one button").max(10, "allows at most 10 buttons"),
    saveTo: SaveTarget.optional(),
  })
  .meta({ id: "ButtonQuestion", description: "Asks a question answered with one of its buttons." });
export type ButtonQuestion = z.infer<typeof ButtonQuestion>;
