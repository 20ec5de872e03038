import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";
import {
  atDialogEnd,
  defineInteraction,
  everyAssistantType,
  everyChannel,
  neverWaits,
} from "./definition.ts";

const description = "Ends the assistant and hands the conversation to an agent.";

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
  .meta({ id: "Transfer", description });
export type Transfer = z.infer<typeof Transfer>;

export const transferDefinition = defineInteraction<Transfer>({
  kind: "transfer",
  schema: Transfer,
  label: "Transfer to an agent",
  alsoKnownAs: [],
  description,
  end: true,
  availability: { channels: everyChannel, assistantTypes: everyAssistantType, positions: atDialogEnd },
  waitsForCustomer: neverWaits,
  nestedPaths: [],
  references: [{ path: "teamId", target: "team" }],
  textTemplateFields: ["message"],
  optionIds: [],
  fields: [
    { key: "message", label: "Message", kind: "text_template", required: false },
    { key: "teamId", label: "Team", kind: "team", required: false },
    { key: "routing.priority", label: "Priority", kind: "number", required: false },
    { key: "routing.queue", label: "Queue", kind: "text", required: false },
    { key: "routing.skills", label: "Skills", kind: "text_list", required: false },
  ],
});
