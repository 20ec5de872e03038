import type { EndConversation } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { setOptional } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

/** End Conversation: the optional last message; the customer cannot continue the conversation. */
export function EndConversationForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<EndConversation>) {
  return (
    <TextTemplateField
      label={strings.interactions.endConversation.message}
      pointer={childPointer(pointer, "message")}
      value={interaction.message}
      onChange={(value) => update((draft) => setOptional(draft, "message", value))}
      readOnly={readOnly}
    />
  );
}
