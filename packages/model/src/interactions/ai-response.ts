import { z } from "zod";
import { DialogReference, Identifier, TextTemplate } from "../identifiers.ts";
import { alwaysWaits, atDialogEnd, defineInteraction } from "./definition.ts";

const description = "Answers from the public knowledge base, then asks whether it helped.";

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
  .meta({ id: "AiResponse", description });
export type AiResponse = z.infer<typeof AiResponse>;

export const aiResponseDefinition = defineInteraction<AiResponse>({
  kind: "ai_response",
  schema: AiResponse,
  label: "AI response",
  alsoKnownAs: [],
  description,
  end: true,
  availability: { channels: ["chat", "whatsapp"], assistantTypes: ["premium"], positions: atDialogEnd },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [
    { path: "knowledgeBaseId", target: "knowledge_base" },
    { path: "aiProfileId", target: "ai_profile" },
    { path: "redirects.answered", target: "dialog" },
    { path: "redirects.notAnswered", target: "dialog" },
    { path: "redirects.negativeFeedback", target: "dialog" },
    { path: "handoverTeamId", target: "team" },
  ],
  textTemplateFields: ["prompt", "feedbackPrompt", "handoverMessage"],
  optionIds: [],
  fields: [
    { key: "knowledgeBaseId", label: "Knowledge base", kind: "knowledge_base", required: true },
    { key: "aiProfileId", label: "AI profile", kind: "ai_profile", required: false },
    {
      key: "prompt",
      label: "Message",
      kind: "text_template",
      required: false,
      description:
        "Sent before waiting for the question; without it the customer's next message is answered.",
    },
    { key: "understandIntents", label: "Understand intents", kind: "boolean", required: false },
    { key: "feedbackPrompt", label: "Feedback question", kind: "text_template", required: false },
    { key: "redirects.answered", label: "When answered, redirect to", kind: "dialog", required: true },
    { key: "redirects.notAnswered", label: "When not answered, redirect to", kind: "dialog", required: true },
    {
      key: "redirects.negativeFeedback",
      label: "After negative feedback, redirect to",
      kind: "dialog",
      required: true,
    },
    {
      key: "attemptsBeforeHandover",
      label: "Failed attempts before transferring",
      kind: "number",
      required: false,
    },
    { key: "handoverMessage", label: "Transfer message", kind: "text_template", required: false },
    { key: "handoverTeamId", label: "Transfer to team", kind: "team", required: false },
  ],
});
