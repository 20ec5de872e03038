import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";
import {
  atDialogEnd,
  automationAssistantTypes,
  defineInteraction,
  everyChannelButVoice,
  neverWaits,
} from "./definition.ts";

const description = "Ends the conversation; the customer cannot continue it.";

export const EndConversation = z
  .object({ id: Identifier, kind: z.literal("end_conversation"), message: TextTemplate.optional() })
  .meta({ id: "EndConversation", description });
export type EndConversation = z.infer<typeof EndConversation>;

export const endConversationDefinition = defineInteraction<EndConversation>({
  kind: "end_conversation",
  schema: EndConversation,
  label: "End conversation",
  alsoKnownAs: [],
  description,
  end: true,
  availability: {
    channels: everyChannelButVoice,
    assistantTypes: automationAssistantTypes,
    positions: atDialogEnd,
  },
  waitsForCustomer: neverWaits,
  nestedPaths: [],
  references: [],
  textTemplateFields: ["message"],
  optionIds: [],
  fields: [{ key: "message", label: "Message", kind: "text_template", required: false }],
});
