import { z } from "zod";
import { DialogReference, Identifier, TextTemplate } from "../identifiers.ts";

export const AiResponse = z
  .object({
    id: Identifier,
    kind: z.literal("ai_response"),
    knowledgeBaseId: z.string().min(1).max(128),
    aiProfileId: z.string().min(1).max(128).optional(),
    /** Sent before waiting for the question; leave out to answer the customer's next message silently. */
    prompt: TextTemplate.optional(),
    /** Check the question against intents before searching the knowledge base. */
    understandIntents: z.boolean().default(false),
    /** Asked after an answer; the buttons say whether it helped. */
    feedbackPrompt: TextTemplate.default("Did that answer your question?"),
    redirects: z.object({
      answered: DialogReference,
      notAnswered: DialogReference,
      negativeFeedback: DialogReference,
    }),
    /**
     * Failed attempts (no answer found, or negative feedback) counted over the
     * conversation; the one that reaches this number transfers to an agent.
     */
    attemptsBeforeHandover: z.number().int().min(1).max(10).default(2),
    handoverMessage: TextTemplate.optional(),
    handoverTeamId: z.string().min(1).max(128).optional(),
  })
  .meta({
    id: "AiResponse",
    description: "Answers from the public knowledge base, then asks whether it helped.",
  });
export type AiResponse = z.infer<typeof AiResponse>;
