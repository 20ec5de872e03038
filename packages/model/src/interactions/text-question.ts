import { z } from "zod";
import { SaveTarget } from "../attributes.ts";
import { Identifier, TextTemplate } from "../identifiers.ts";

export const TextQuestion = z
  .object({
    id: Identifier,
    kind: z.literal("text_question"),
    prompt: TextTemplate,
    saveTo: SaveTarget.optional(),
    /** Run intent detection on the reply and follow the assistant's intent-to-dialog mappings. */
    understandIntents: z.boolean().default(false),
  })
  .meta({ id: "TextQuestion", description: "Asks a question and waits for a text reply." });
export type TextQuestion = z.infer<typeof TextQuestion>;
