import { Stack } from "@mantine/core";
import type { TextQuestion } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields, UnderstandIntentsField } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

/** Customer Text Response (spec 11, step 2a): the prompt, where the reply is saved, intents. */
export function TextQuestionForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<TextQuestion>) {
  const { field, optionalField } = bindFields(interaction, pointer, update, readOnly);
  return (
    <Stack gap="sm">
      <TextTemplateField label={strings.interactions.prompt} required {...field("prompt")} />
      <SaveToField label={strings.interactions.fields.saveReply} {...optionalField("saveTo")} />
      <UnderstandIntentsField {...field("understandIntents")} />
    </Stack>
  );
}
