import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";

export const EndConversation = z
  .object({ id: Identifier, kind: z.literal("end_conversation"), message: TextTemplate.optional() })
  .meta({ id: "EndConversation", description: "Ends the conversation; the customer cannot continue it." });
export type EndConversation = z.infer<typeof EndConversation>;
