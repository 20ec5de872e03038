import type { EndConversation } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

/** End Conversation: the optional last message; the customer cannot continue the conversation. */
export function EndConversationForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<EndConversation>) {
  const { optionalField } = bindFields(interaction, pointer, update, readOnly);
  return (
    <TextTemplateField label={strings.interactions.endConversation.message} {...optionalField("message")} />
  );
}
