import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";

export const Transfer = z
  .object({
    id: Identifier,
    kind: z.literal("transfer"),
    message: TextTemplate.optional(),
    teamId: z.string().min(1).max(128).optional(),
    /** Extra routing data handed to queue rules, such as priority or skills. */
    routing: z
      .object({
        priority: z.number().int().min(1).max(5).optional(),
        queue: z.string().max(128).optional(),
        skills: z.array(z.string().max(64)).max(20).optional(),
      })
      .default({}),
  })
  .meta({ id: "Transfer", description: "Ends the assistant and hands the conversation to an agent." });
export type Transfer = z.infer<typeof Transfer>;
